// SPDX-License-Identifier: MIT
#pragma once

#include <QDir>
#include <QString>

#include <optional>

namespace elu {

/// Why a file could not be written: the path and the system's reason. Only the window turns it
/// into a dialog and only main into an exit status.
struct WriteError
{
    QString path;
    QString reason;

    /// "cannot write /tmp/x.json: No space left on device"
    QString message() const
    {
        return QStringLiteral("cannot write %1: %2").arg(QDir::toNativeSeparators(path), reason);
    }
};

/// Empty on success.
using WriteResult = std::optional<WriteError>;

} // namespace elu
