// SPDX-License-Identifier: MIT
#include "safefilewriter.h"

#include <QFileInfo>
#include <QSaveFile>

namespace elu {

namespace {

WriteResult ensureParentFolder(const QString &path)
{
    const QFileInfo target(path);
    const QString folder = target.absolutePath();
    for (QFileInfo ancestor(folder); !ancestor.isRoot(); ancestor = QFileInfo(ancestor.absolutePath())) {
        if (ancestor.exists() && !ancestor.isDir())
            return WriteError{path, QStringLiteral("%1 is a file, not a folder")
                                        .arg(QDir::toNativeSeparators(ancestor.absoluteFilePath()))};
        if (ancestor.exists())
            break;
    }
    if (!QDir().mkpath(folder))
        return WriteError{path, QStringLiteral("cannot create the folder %1")
                                    .arg(QDir::toNativeSeparators(folder))};
    return std::nullopt;
}

} // namespace

WriteResult writeFileAtomically(const QString &path,
                                const std::function<bool(QIODevice &)> &write)
{
    if (path.isEmpty())
        return WriteError{path, QStringLiteral("the file name is empty")};
    if (WriteResult error = ensureParentFolder(path))
        return error;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return WriteError{path, file.errorString()};
    if (!write(file)) {
        WriteError error{path, file.errorString()};
        file.cancelWriting();
        return error;
    }
    if (!file.commit())
        return WriteError{path, file.errorString()};
    return std::nullopt;
}

} // namespace elu
