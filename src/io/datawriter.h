// SPDX-License-Identifier: MIT
#pragma once

#include "controlleddevice.h"
#include "plotspec.h"
#include "writeerror.h"

#include <vector>

class QIODevice;

namespace elu {

/// The article JSON of docs/contract.md for one curve sampled on `spec`'s grid: the keys
/// "x", "y", "yp" (N numbers each) and the metadata "activation" (its id), the parameter under
/// its keyword ("alpha", "negative_slope", "beta"; absent when the activation has none),
/// "xmin", "xmax", "points", "generator". Numbers are in the shortest form that parses back to
/// the same double. `spec` must be valid (see validate()). Returns false as soon as the device
/// refuses a write.
bool writeJson(QIODevice &device, const PlotSpec &spec, const Curve &curve);

/// writeJson of `spec`'s first curve: the article's single-curve file.
bool writeJson(QIODevice &device, const PlotSpec &spec);

/// CSV, one table: header "x,y,yp" for one curve, else "x" then "<label>.y,<label>.yp" per
/// curve (labels from curveLabels), one row per sample, same numbers as the JSON.
bool writeCsv(QIODevice &device, const PlotSpec &spec);

/// Each curve's name in several-curve exports: its id ("relu"), or "<id>-<keyword>-<value>"
/// ("elu-alpha-0.5") when the id appears more than once.
std::vector<QString> curveLabels(const std::vector<Curve> &curves);

/// Writes one curve's JSON file at `path` completely or not at all (see writeFileAtomically).
/// `control` reports progress and may cancel (a cancelled write leaves the file as it was).
WriteResult saveJson(const QString &path, const PlotSpec &spec, const Curve &curve,
                     const WriteControl &control = {});

/// saveJson of `spec`'s first curve.
WriteResult saveJson(const QString &path, const PlotSpec &spec);

/// Writes one JSON file per curve into `folder` (created when missing), named
/// "<label>.json" after curveLabels. Each file is written completely or not at all; the first
/// failure stops and is returned. Refuses a `folder` that is an existing file.
WriteResult saveJsonFolder(const QString &folder, const PlotSpec &spec,
                           const WriteControl &control = {});

/// Writes the CSV file at `path` completely or not at all.
WriteResult saveCsv(const QString &path, const PlotSpec &spec, const WriteControl &control = {});

/// "elu-explorer 1.0.0": the JSON "generator" field.
QString generatorName();

} // namespace elu
