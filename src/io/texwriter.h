// SPDX-License-Identifier: MIT
#pragma once

#include "controlleddevice.h"
#include "session.h"
#include "writeerror.h"

#include <QString>

class QIODevice;

namespace elu {

/// Tolerance of the polyline a LaTeX figure draws, in pt: vertices closer than this to the
/// line through their neighbours are left out, as the screen leaves out sub-pixel ones.
inline constexpr double texSimplificationTolerancePt = 0.2;

/// Writes `session`'s figure as a pgfplots picture for `\input{}`: one `tikzpicture` holding an
/// `axis` (Overlaid) or a `groupplot` of two (Stacked; needs the groupplots library), with the
/// window's colours (`\definecolor`, HTML), f solid and f′ dashed, the legend, math-mode labels,
/// the kink markers (filled: autograd's value; open: the other limit) and the selected curve's
/// kink labels, the view's ranges (fitted to the data, padded 5%, when the view follows the
/// data) and the figure's width and height in pt (overridable with `\eluwidth`, `\eluheight`).
/// A comment at the top names the packages and how to change the size.
///
/// With an empty `dataFile`, coordinates are inline: per visible curve the polyline the figure
/// draws at its width (samplePlot with one column per pt, then simplifyPolyline at
/// texSimplificationTolerancePt), every coordinate an exported sample in shortest round-trip
/// form, f′ in two plots when it jumps at a kink (left: x ≤ kink; right: x > kink). Otherwise
/// the plots read the CSV `dataFile` (writeCsv of `session.spec`, named relative to the main
/// document, as LaTeX resolves it) with `\addplot table`.
///
/// `session` must be valid (see validate(const Session &)). Returns false when the device
/// refuses a write.
bool writeTex(QIODevice &device, const Session &session, const QString &dataFile = {});

/// Writes the figure at `path` completely or not at all (writeFileAtomically). With
/// `withData`, the samples first go to the CSV beside it, `<base name>.csv` (saveCsv), and the
/// figure reads that file under its bare name, relative to the main document.
WriteResult saveTex(const QString &path, const Session &session, bool withData = false,
                    const WriteControl &control = {});

/// The CSV saveTex writes beside `texPath` with `withData`: its folder, its base name, ".csv".
QString texDataPath(const QString &texPath);

/// `text` with TeX's special characters escaped for text mode (`_` → `\_`, `%` → `\%`, …).
QString escapeTex(const QString &text);

} // namespace elu
