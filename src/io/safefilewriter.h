// SPDX-License-Identifier: MIT
#pragma once

#include "writeerror.h"

#include <QIODevice>

#include <functional>

namespace elu {

/// Writes a file completely or not at all: creates missing parent folders, lets `write` fill a
/// QSaveFile (a temporary file beside the target) and renames it over the target only when
/// every byte was written. A failure leaves an existing target byte for byte unchanged and no
/// temporary file behind. `write` returns false when the device refused a write.
WriteResult writeFileAtomically(const QString &path, const std::function<bool(QIODevice &)> &write);

} // namespace elu
