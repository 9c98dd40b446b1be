// SPDX-License-Identifier: MIT
#include "safefilewriter.h"

#include <QFileInfo>
#include <QSaveFile>

#include <filesystem>
#include <system_error>

namespace elu {

namespace {

WriteResult ensureParentFolder(const QString &path)
{
    const QFileInfo target(path);
    const QString folder = target.absolutePath();
    for (QFileInfo ancestor(folder); !ancestor.isRoot();
         ancestor = QFileInfo(ancestor.absolutePath())) {
        if (ancestor.exists() && !ancestor.isDir())
            return WriteError{path,
                              QStringLiteral("%1 is a file, not a folder")
                                  .arg(QDir::toNativeSeparators(ancestor.absoluteFilePath()))};
        if (ancestor.exists())
            break;
    }
    // std::filesystem rather than QDir::mkpath, which drops the system's reason.
    std::error_code error;
    std::filesystem::create_directories(QDir(folder).filesystemAbsolutePath(), error);
    if (error)
        return WriteError{path, QStringLiteral("cannot create the folder %1: %2")
                                    .arg(QDir::toNativeSeparators(folder),
                                         QString::fromLocal8Bit(error.message()))};
    return std::nullopt;
}

// QSaveFile refuses an existing target it may not write with its own words ("Existing file …
// is not writable"); opening that file to append, which changes nothing, gives the system's
// reason, e.g. "Read-only file system".
QString openFailureReason(const QSaveFile &file, const QString &path)
{
    QFile existing(path);
    if (existing.exists()
        && !existing.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::ExistingOnly))
        return QStringLiteral("%1 (%2)").arg(file.errorString(), existing.errorString());
    return file.errorString();
}

// Hands every byte to the file, retrying a short write: a disk that fills up mid-write first
// gives a short count with no error set, and only the retry fails with the system's reason
// ("No space left on device"). It remembers a refused write, because some writers (QPdfWriter)
// do not pass the failure on, and QSaveFile forgets the reason once it closes.
class CompleteWrites final : public QIODevice
{
public:
    explicit CompleteWrites(QFileDevice &file)
        : m_file(file)
    {
        open(QIODevice::WriteOnly | QIODevice::Unbuffered);
    }

    bool isSequential() const override { return true; }
    bool failed() const { return m_failed; }
    /// Why a write was refused, or the file's own error when none was.
    QString reason() const { return m_failed ? errorString() : m_file.errorString(); }

protected:
    qint64 readData(char *, qint64) override { return -1; }

    qint64 writeData(const char *data, qint64 size) override
    {
        qint64 written = 0;
        while (written < size) {
            const qint64 now = m_file.write(data + written, size - written);
            if (now <= 0) {
                m_failed = true;
                setErrorString(m_file.errorString());
                return -1;
            }
            written += now;
        }
        return written;
    }

private:
    QFileDevice &m_file;
    bool m_failed = false;
};

} // namespace

WriteResult writeFileAtomically(const QString &path, const std::function<bool(QIODevice &)> &write)
{
    if (path.isEmpty())
        return WriteError{path, QStringLiteral("the file name is empty")};
    if (WriteResult error = ensureParentFolder(path))
        return error;
    QSaveFile file(path);
    // Unbuffered: QSaveFile::commit() ignores a failure to flush its own buffer (Qt 6.4) and
    // renames a truncated file over the target, e.g. a small file on a full disk.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return WriteError{path, openFailureReason(file, path)};
    CompleteWrites device(file);
    const bool written = write(device);
    if (!written || device.failed()) {
        WriteError error{path, device.reason()};
        file.cancelWriting();
        return error;
    }
    if (!file.commit())
        return WriteError{path, file.errorString()};
    return std::nullopt;
}

} // namespace elu
