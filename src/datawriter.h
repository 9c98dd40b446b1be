// SPDX-License-Identifier: MIT
#pragma once

#include "parameters.h"
#include "writeerror.h"

class QIODevice;

namespace elu {

/// The JSON of PRODUCT.md: the article's keys "x", "y", "yp" (N numbers each) and the metadata
/// "activation", "alpha", "xmin", "xmax", "points", "generator". Numbers are in the shortest
/// form that parses back to the same double. `parameters` must be valid (see validate()).
/// Returns false as soon as the device refuses a write.
bool writeJson(QIODevice &device, const Parameters &parameters);

/// CSV with the header "x,y,yp" and one row per sample, same numbers as the JSON.
bool writeCsv(QIODevice &device, const Parameters &parameters);

/// Writes the JSON file at `path` completely or not at all (see writeFileAtomically).
WriteResult saveJson(const QString &path, const Parameters &parameters);

/// Writes the CSV file at `path` completely or not at all.
WriteResult saveCsv(const QString &path, const Parameters &parameters);

/// "elu-explorer 1.0.0": the JSON "generator" field.
QString generatorName();

} // namespace elu
