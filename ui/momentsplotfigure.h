// SPDX-License-Identifier: MIT
#pragma once

#include "figureoptions.h"
#include "writeerror.h"

class MomentsPlot;

/// Saves the statistics panel's plot as a figure like any other: PNG (size × scale), SVG or
/// PDF (vector, W × H points), in the figure theme of `options`, chosen by the path's suffix.
/// An unknown suffix or a PNG over the pixel budget is refused with the reason.
elu::WriteResult saveMomentsPlot(const MomentsPlot &plot, const QString &path,
                                 const elu::FigureOptions &options);
