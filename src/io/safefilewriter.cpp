// SPDX-License-Identifier: MIT
// Our own temporary file and rename(2) rather than QSaveFile, whose temporary name is the
// target's plus a suffix (too long for a target name of 249 bytes or more), which replaces FIFOs
// and devices with regular files, and which leaves its temporary file behind where it cannot be
// renamed or removed (an append-only folder).
#include "safefilewriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <fcntl.h>
#include <pthread.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <linux/fs.h>

#include <cerrno>
#include <climits>
#include <csignal>
#include <ctime>
#include <system_error>
#include <utility>

namespace elu {

namespace {

QByteArray encoded(const QString &path)
{
    return QFile::encodeName(path);
}

// The system's words for an errno, as strerror gives them (thread-safe).
QString reasonOf(int error)
{
    return QString::fromLocal8Bit(std::generic_category().message(error));
}

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

// "/dev/stdout", "/dev/fd/3", "/proc/self/fd/3": an open descriptor of this process, written as
// it is rather than opened again. Known by name, as bash knows them, so /proc is not needed.
std::optional<int> descriptorNamed(const QString &path)
{
    if (path == QLatin1String("/dev/stdin"))
        return 0;
    if (path == QLatin1String("/dev/stdout"))
        return 1;
    if (path == QLatin1String("/dev/stderr"))
        return 2;
    static const QRegularExpression fdLink(
        QStringLiteral("^/(?:dev|proc/(?:self|thread-self|(\\d+)))/fd/(\\d+)$"));
    const QRegularExpressionMatch match = fdLink.match(path);
    if (!match.hasMatch())
        return std::nullopt;
    if (match.hasCaptured(1) && match.captured(1).toLongLong() != ::getpid())
        return std::nullopt;
    bool ok = false;
    const int fd = match.captured(2).toInt(&ok);
    return ok ? std::optional<int>(fd) : std::nullopt;
}

// `path` in its folder's canonical form, links resolved, when the folder exists: a link to
// /proc/self/fd, or /dev/fd itself, then shows as what it is.
QString inCanonicalFolder(const QString &path)
{
    const QFileInfo info(path);
    const QString folder = QFileInfo(info.absolutePath()).canonicalFilePath();
    return folder.isEmpty() ? path : QDir::cleanPath(folder + u'/' + info.fileName());
}

// What a path names once symbolic links are followed.
struct Target
{
    QString path;                  ///< absolute, links followed
    std::optional<int> descriptor; ///< an open descriptor of this process
    bool exists = false;
    struct stat status = {};
};

Target resolve(const QString &path)
{
    Target target;
    target.path = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    for (int links = 0; links < 40; ++links) { // as the kernel's ELOOP limit
        if ((target.descriptor = descriptorNamed(target.path)))
            return target;
        target.path = inCanonicalFolder(target.path);
        if ((target.descriptor = descriptorNamed(target.path)))
            return target;
        if (::lstat(encoded(target.path).constData(), &target.status) != 0)
            return target; // missing, or unreachable: the write says why
        if (!S_ISLNK(target.status.st_mode)) {
            target.exists = true;
            return target;
        }
        char link[PATH_MAX];
        const ssize_t size = ::readlink(encoded(target.path).constData(), link, sizeof link);
        if (size < 0)
            return target;
        const QString to = QFile::decodeName(QByteArray(link, size));
        target.path = QDir::cleanPath(
            QDir::isAbsolutePath(to) ? to : QFileInfo(target.path).absolutePath() + u'/' + to);
    }
    return target; // a loop of links: opening it gives ELOOP
}

// Writes every byte to a file descriptor with write(2), retrying short writes: a disk that
// fills up mid-write first gives a short count, and only the retry fails with the system's
// reason ("No space left on device"). It remembers a refused write, because some writers
// (QPdfWriter) do not pass the failure on. Sequential and unbuffered: nothing is held back and
// nothing seeks, so a descriptor shared with the shell is written at its own position.
//
// With `startWriteback`, for a temporary file that is flushed to the disk before it takes its
// name, the disk is asked to start writing each few MB as soon as they are written
// (sync_file_range), so that the final fsync waits for the last few MB only, not for the whole
// file: writing to the disk then overlaps the writer's work.
class DescriptorDevice final : public QIODevice
{
public:
    explicit DescriptorDevice(int fd, bool startWriteback = false)
        : m_fd(fd)
        , m_startWriteback(startWriteback)
    {
        QIODevice::open(QIODevice::WriteOnly | QIODevice::Unbuffered);
    }
    ~DescriptorDevice() override { closeDescriptor(); }
    DescriptorDevice(const DescriptorDevice &) = delete;
    DescriptorDevice &operator=(const DescriptorDevice &) = delete;

    bool isSequential() const override { return true; }
    /// The errno of a refused write, or 0.
    int error() const { return m_error; }
    /// False, with error(), when the system reports a failure only now (NFS).
    bool closeDescriptor()
    {
        if (m_fd < 0)
            return true;
        const bool closed = ::close(m_fd) == 0 || errno == EINTR;
        if (!closed && m_error == 0)
            m_error = errno;
        m_fd = -1;
        return closed;
    }

protected:
    qint64 readData(char *, qint64) override { return -1; }

    qint64 writeData(const char *data, qint64 size) override
    {
        if (m_error != 0)
            return -1;
        qint64 written = 0;
        while (written < size) {
            const ssize_t now = ::write(m_fd, data + written, std::size_t(size - written));
            if (now < 0 && errno == EINTR)
                continue;
            if (now <= 0) {
                m_error = now < 0 ? errno : EIO;
                setErrorString(reasonOf(m_error));
                return -1;
            }
            written += now;
        }
        m_written += written;
        if (m_startWriteback && m_written - m_writebackFrom >= writebackStep) {
            // Only a hint: a file system that cannot (EINVAL, ESPIPE) is synced by fsync alone.
            ::sync_file_range(m_fd, m_writebackFrom, m_written - m_writebackFrom,
                              SYNC_FILE_RANGE_WRITE);
            m_writebackFrom = m_written;
        }
        return written;
    }

private:
    static constexpr off_t writebackStep = off_t(4) << 20;

    int m_fd;
    int m_error = 0;
    bool m_startWriteback;
    off_t m_written = 0;
    off_t m_writebackFrom = 0;
};

// Blocks SIGPIPE on this thread while it lives, and takes back a SIGPIPE raised meanwhile by a
// write into a pipe without reader, which then fails with EPIPE instead of ending the process.
class SigpipeBlocked
{
public:
    SigpipeBlocked()
    {
        sigemptyset(&m_sigpipe);
        sigaddset(&m_sigpipe, SIGPIPE);
        pthread_sigmask(SIG_BLOCK, &m_sigpipe, &m_previous);
        m_wasPending = isPending();
    }
    ~SigpipeBlocked()
    {
        if (!m_wasPending && isPending()) {
            const timespec now{};
            while (sigtimedwait(&m_sigpipe, nullptr, &now) < 0 && errno == EINTR) {
            }
        }
        pthread_sigmask(SIG_SETMASK, &m_previous, nullptr);
    }
    SigpipeBlocked(const SigpipeBlocked &) = delete;
    SigpipeBlocked &operator=(const SigpipeBlocked &) = delete;

private:
    static bool isPending()
    {
        sigset_t pending;
        return sigpending(&pending) == 0 && sigismember(&pending, SIGPIPE) == 1;
    }

    sigset_t m_sigpipe, m_previous;
    bool m_wasPending = false;
};

QString stoppedEarly()
{
    return QStringLiteral("the writer stopped before the end of the file");
}

// A FIFO, a device or an open descriptor: written where it is, never replaced.
WriteResult writeDirectly(const QString &path, int fd,
                          const std::function<bool(QIODevice &)> &write)
{
    const SigpipeBlocked sigpipe;
    DescriptorDevice device(fd);
    const bool written = write(device);
    if (device.error() != 0)
        return WriteError{path, reasonOf(device.error())};
    if (!written)
        return WriteError{path, stoppedEarly()};
    if (!device.closeDescriptor())
        return WriteError{path, reasonOf(device.error())};
    return std::nullopt;
}

bool isAppendOnly(int folder)
{
    int flags = 0;
    return ::ioctl(folder, FS_IOC_GETFLAGS, &flags) == 0 && (flags & FS_APPEND_FL) != 0;
}

QByteArray temporaryName()
{
    static constexpr char letters[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    QByteArray name = ".elu-";
    for (int i = 0; i < 8; ++i)
        name += letters[QRandomGenerator::global()->bounded(int(sizeof letters) - 1)];
    return name;
}

// Gives `fd`, an unnamed temporary file, a random name in `folder`: the name, or empty with
// errno set.
QByteArray linkUnderTemporaryName(int fd, int folder)
{
    const QByteArray self = "/proc/self/fd/" + QByteArray::number(fd);
    for (int attempt = 0; attempt < 100; ++attempt) {
        const QByteArray name = temporaryName();
        if (::linkat(AT_FDCWD, self.constData(), folder, name.constData(), AT_SYMLINK_FOLLOW) == 0)
            return name;
        if (errno != EEXIST)
            return {};
    }
    return {};
}

int openNamedTemporary(int folder, QByteArray &name)
{
    for (int attempt = 0; attempt < 100; ++attempt) {
        name = temporaryName();
        const int fd =
            ::openat(folder, name.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd >= 0 || errno != EEXIST)
            return fd;
    }
    return -1;
}

// Closes a descriptor when it goes.
struct Descriptor
{
    int fd;
    ~Descriptor()
    {
        if (fd >= 0)
            ::close(fd);
    }
};

// A regular file, or a new one: written to a temporary file beside it that then takes its name.
class Replacement
{
public:
    Replacement(const QString &path, const Target &target)
        : m_path(path)
        , m_target(target)
        , m_folderPath(QFileInfo(target.path).absolutePath())
        , m_name(encoded(QFileInfo(target.path).fileName()))
    {
    }
    ~Replacement() { removeTemporary(); }
    Replacement(const Replacement &) = delete;
    Replacement &operator=(const Replacement &) = delete;

    WriteResult run(const std::function<bool(QIODevice &)> &write, Staging staging)
    {
        NewFolders folders;
        if (const std::optional<QString> why = folders.create(m_folderPath))
            return WriteError{m_path, *why};
        // An existing file its owner made read-only stays as it is.
        if (m_target.exists
            && ::faccessat(AT_FDCWD, encoded(m_target.path).constData(), W_OK, AT_EACCESS) != 0)
            return failure(reasonOf(errno));
        m_folder.fd = openFolder(m_folderPath);
        if (m_folder.fd < 0)
            return failure(reasonOf(errno));
        // There a file cannot be renamed over, nor a temporary file removed after a failure.
        m_appendOnly = isAppendOnly(m_folder.fd);
        if (m_appendOnly && m_target.exists)
            return failure(appendOnlyReason(QStringLiteral("an existing file cannot be replaced")));

        const int fd = openTemporary(staging);
        if (fd == refusedHere)
            return failure(
                appendOnlyReason(QStringLiteral("a temporary file could not be removed again")));
        if (fd < 0)
            return failure(reasonOf(errno));
        DescriptorDevice device(fd, true);
        if (m_target.exists) {
            // Root replacing another user's file keeps its owner; others cannot, and need not.
            if (::fchown(fd, m_target.status.st_uid, m_target.status.st_gid) != 0) {
            }
            ::fchmod(fd, m_target.status.st_mode & 0777);
        }
        const bool written = write(device);
        if (device.error() != 0)
            return failure(reasonOf(device.error()));
        if (!written)
            return failure(stoppedEarly());
        // EINVAL: a file system that cannot sync (as QSaveFile, which ignores every error here).
        if (::fsync(fd) != 0 && errno != EINVAL)
            return failure(reasonOf(errno));
        if (const std::optional<QString> why = commit(fd))
            return failure(*why);
        if (!device.closeDescriptor())
            return failure(reasonOf(device.error()));
        // The new name on the disk too; the file is in place either way.
        if (::fsync(m_folder.fd) != 0) {
        }
        folders.keep();
        return std::nullopt;
    }

private:
    // A folder one may write in but not list (-wx) can only be opened as a path.
    static int openFolder(const QString &folder)
    {
        const QByteArray name = encoded(folder);
        const int fd = ::open(name.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd >= 0 || errno != EACCES)
            return fd;
        return ::open(name.constData(), O_PATH | O_DIRECTORY | O_CLOEXEC);
    }

    static constexpr int refusedHere = -2;

    // A descriptor of the temporary file, -1 with errno, or refusedHere.
    int openTemporary(Staging staging)
    {
        // An unnamed file is given its name through /proc, which a chroot may lack.
        static const bool linkable = ::access("/proc/self/fd", X_OK) == 0;
        if (staging == Staging::Automatic && linkable) {
            const int fd = ::openat(m_folder.fd, ".", O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
            // No O_TMPFILE on this file system (NFS, FAT) or kernel: a named file instead.
            if (fd >= 0 || (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL))
                return fd;
        }
        if (m_appendOnly)
            return refusedHere;
        const int fd = openNamedTemporary(m_folder.fd, m_temporary);
        if (fd < 0)
            m_temporary.clear();
        return fd;
    }

    // Gives the complete file the target's name; why not, or nothing.
    std::optional<QString> commit(int fd)
    {
        const bool unnamed = m_temporary.isEmpty();
        if (unnamed && !m_target.exists) {
            // A new file appears complete under its name or not at all, with no other name.
            const QByteArray self = "/proc/self/fd/" + QByteArray::number(fd);
            if (::linkat(AT_FDCWD, self.constData(), m_folder.fd, m_name.constData(),
                         AT_SYMLINK_FOLLOW)
                == 0)
                return std::nullopt;
            if (errno != EEXIST)
                return reasonOf(errno);
            // Made by someone else meanwhile: replaced like any existing file.
            if (m_appendOnly)
                return appendOnlyReason(QStringLiteral("an existing file cannot be replaced"));
        }
        if (unnamed) {
            m_temporary = linkUnderTemporaryName(fd, m_folder.fd);
            if (m_temporary.isEmpty())
                return reasonOf(errno);
        }
        if (::renameat(m_folder.fd, m_temporary.constData(), m_folder.fd, m_name.constData()) != 0)
            return reasonOf(errno);
        m_temporary.clear();
        return std::nullopt;
    }

    QString appendOnlyReason(const QString &consequence) const
    {
        return QStringLiteral("%1 (%2 is an append-only folder, where %3)")
            .arg(reasonOf(EPERM), native(m_folderPath), consequence);
    }

    // Removes a named temporary file; why it stayed, or empty.
    QString removeTemporary()
    {
        if (m_temporary.isEmpty() || m_folder.fd < 0)
            return {};
        const QByteArray name = std::exchange(m_temporary, {});
        if (::unlinkat(m_folder.fd, name.constData(), 0) == 0 || errno == ENOENT)
            return {};
        return QStringLiteral("; the temporary file %1 could not be removed: %2")
            .arg(native(m_folderPath + u'/' + QFile::decodeName(name)), reasonOf(errno));
    }

    WriteError failure(const QString &reason) { return {m_path, reason + removeTemporary()}; }

    QString m_path;
    Target m_target;
    QString m_folderPath;
    QByteArray m_name;
    Descriptor m_folder{-1};
    QByteArray m_temporary; ///< a named temporary file in m_folder, while it exists
    bool m_appendOnly = false;
};

} // namespace

WriteResult writeFileAtomically(const QString &path, const std::function<bool(QIODevice &)> &write,
                                Staging staging)
{
    if (path.isEmpty())
        return WriteError{path, QStringLiteral("the file name is empty")};
    if (path.endsWith(u'/'))
        return WriteError{path, reasonOf(EISDIR)}; // as open(2) says of "name/"
    const Target target = resolve(path);
    if (target.descriptor) {
        const int fd = ::fcntl(*target.descriptor, F_DUPFD_CLOEXEC, 0);
        if (fd < 0)
            return WriteError{path, reasonOf(errno)};
        return writeDirectly(path, fd, write);
    }
    if (target.exists && S_ISDIR(target.status.st_mode))
        return WriteError{path, reasonOf(EISDIR)};
    if (target.exists && !S_ISREG(target.status.st_mode)) {
        // A FIFO waits here for its reader, as any writer of a FIFO does.
        const int fd = ::open(encoded(target.path).constData(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
        if (fd < 0)
            return WriteError{path, reasonOf(errno)};
        return writeDirectly(path, fd, write);
    }
    return Replacement(path, target).run(write, staging);
}

NewFolders::~NewFolders()
{
    if (!m_kept)
        removeAll();
}

void NewFolders::removeAll()
{
    for (auto file = m_files.rbegin(); file != m_files.rend(); ++file)
        ::unlink(file->constData());
    for (auto folder = m_folders.rbegin(); folder != m_folders.rend(); ++folder)
        ::rmdir(folder->constData()); // fails, and keeps it, if someone else put a file there
    m_files.clear();
    m_folders.clear();
}

std::optional<QString> NewFolders::create(const QString &folder)
{
    const QString absolute = QDir::cleanPath(QFileInfo(folder).absoluteFilePath());
    std::vector<QString> missing; // innermost first
    QString existing = absolute;
    struct stat status = {};
    while (::stat(encoded(existing).constData(), &status) != 0) {
        const QString parent = QFileInfo(existing).absolutePath();
        if (parent == existing)
            break;
        missing.push_back(existing);
        existing = parent;
    }
    if (!S_ISDIR(status.st_mode))
        return QStringLiteral("%1 is a file, not a folder").arg(native(existing));
    for (auto made = missing.rbegin(); made != missing.rend(); ++made) {
        const QByteArray name = encoded(*made);
        if (::mkdir(name.constData(), 0777) == 0) {
            m_folders.push_back(name);
            continue;
        }
        const int error = errno;
        if (error == EEXIST && ::stat(name.constData(), &status) == 0 && S_ISDIR(status.st_mode))
            continue; // made by someone else meanwhile
        removeAll();
        return QStringLiteral("cannot create the folder %1: %2")
            .arg(native(absolute), reasonOf(error));
    }
    return std::nullopt;
}

void NewFolders::removeWith(const QString &file)
{
    m_files.push_back(encoded(QDir::cleanPath(QFileInfo(file).absoluteFilePath())));
}

} // namespace elu
