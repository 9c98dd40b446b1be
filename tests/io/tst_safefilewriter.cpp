// SPDX-License-Identifier: MIT
// writeFileAtomically, the one way files are written: regular files completely or not at all
// (whatever the name's length, with no temporary file or new folder left after a failure);
// FIFOs and file descriptors written directly, never replaced. Faults that need root (devices,
// chattr, full disks) are in tests/app/tst_filefaults.cpp.
#include "filesupport.h"
#include "safefilewriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>

using testsupport::contentsOf;
using testsupport::entriesOf;
using testsupport::writeBytes;

namespace {

using Write = std::function<bool(QIODevice &)>;

// Bytes no writer would produce, so "unchanged" cannot pass by coincidence.
QByteArray knownBytes(qsizetype size, int seed = 7)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = char((i * 131 + seed) & 0xff);
    return bytes;
}

Write writing(const QByteArray &bytes)
{
    return [bytes](QIODevice &device) { return device.write(bytes) == bytes.size(); };
}

// Writes some bytes, then reports a failure, as a writer does when its data runs out.
Write failingAfter(qsizetype size)
{
    return [size](QIODevice &device) {
        device.write(knownBytes(size));
        return false;
    };
}

struct stat statusOf(const QString &path)
{
    struct stat status = {};
    ::lstat(QFile::encodeName(path).constData(), &status);
    return status;
}

QString systemReason(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

// Reads a FIFO on a thread of its own until the writer is done. It opens without blocking, so
// a writer that replaces the FIFO instead of writing to it cannot hang the test; with
// `closeAfter`, it closes its end once that many bytes arrived, as `head -c` does.
class FifoReader
{
public:
    explicit FifoReader(const QString &path, qsizetype closeAfter = -1)
        : m_fd(::open(QFile::encodeName(path).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC))
        , m_closeAfter(closeAfter)
    {
        if (m_fd >= 0)
            m_thread = std::thread([this] { run(); });
    }
    ~FifoReader() { finish(); }
    FifoReader(const FifoReader &) = delete;
    FifoReader &operator=(const FifoReader &) = delete;

    bool isOpen() const { return m_fd >= 0; }
    /// Call when the writer has returned: everything the reader got.
    QByteArray finish()
    {
        m_writerDone = true;
        if (m_thread.joinable())
            m_thread.join();
        return m_bytes;
    }

private:
    void run()
    {
        char buffer[1 << 16];
        for (;;) {
            pollfd poll{m_fd, POLLIN, 0};
            ::poll(&poll, 1, 20);
            const ssize_t got = ::read(m_fd, buffer, sizeof buffer);
            if (got > 0) {
                m_bytes.append(buffer, got);
                if (m_closeAfter >= 0 && m_bytes.size() >= m_closeAfter)
                    break;
                continue;
            }
            // Nothing now: no writer yet, a writer between writes, or a writer gone.
            if (m_writerDone)
                break;
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        ::close(m_fd);
    }

    int m_fd;
    qsizetype m_closeAfter;
    QByteArray m_bytes;
    std::atomic<bool> m_writerDone{false};
    std::thread m_thread;
};

// Both ends of a pipe, closed however the test ends.
struct Pipe
{
    int ends[2] = {-1, -1};
    Pipe() { (void)::pipe2(ends, O_CLOEXEC); }
    ~Pipe()
    {
        closeWriteEnd();
        if (ends[0] >= 0)
            ::close(ends[0]);
    }
    Pipe(const Pipe &) = delete;
    Pipe &operator=(const Pipe &) = delete;
    void closeWriteEnd()
    {
        if (ends[1] >= 0)
            ::close(ends[1]);
        ends[1] = -1;
    }
    QByteArray readAll() const
    {
        QByteArray bytes;
        char buffer[4096];
        for (ssize_t got; (got = ::read(ends[0], buffer, sizeof buffer)) > 0;)
            bytes.append(buffer, got);
        return bytes;
    }
};

} // namespace

Q_DECLARE_METATYPE(elu::Staging)

class TestSafeFileWriter : public QObject
{
    Q_OBJECT

private slots:
    void writesANewFile_data();
    void writesANewFile();
    void replacesAFileWithALongName_data();
    void replacesAFileWithALongName();
    void keepsThePermissions();
    void writesThroughASymlink();
    void refusesAFolder_data();
    void refusesAFolder();
    void failedWriteLeavesNothing_data();
    void failedWriteLeavesNothing();
    void writesAFifoDirectly();
    void reportsAFifoWhoseReaderLeft();
    void writesADescriptorDirectly_data();
    void writesADescriptorDirectly();
    void writesAnAppendingDescriptorAtItsEnd();
};

namespace {

void addStagings()
{
    QTest::addColumn<elu::Staging>("staging");
}

void addStagingRows(const char *name)
{
    QTest::addRow("%s", name) << elu::Staging::Automatic;
    // As on file systems without unnamed temporary files (NFS, FAT).
    QTest::addRow("%s, named temporary", name) << elu::Staging::NamedTemporary;
}

} // namespace

void TestSafeFileWriter::writesANewFile_data()
{
    addStagings();
    addStagingRows("new file");
}

void TestSafeFileWriter::writesANewFile()
{
    QFETCH(elu::Staging, staging);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("a/b/new.json"));
    const elu::WriteResult result =
        elu::writeFileAtomically(path, writing(knownBytes(5000)), staging);
    QVERIFY2(!result, result ? qPrintable(result->message()) : "");
    QCOMPARE(contentsOf(path), knownBytes(5000));
    QCOMPARE(entriesOf(dir.filePath(QStringLiteral("a/b"))),
             QStringList{QStringLiteral("new.json")});
}

void TestSafeFileWriter::replacesAFileWithALongName_data()
{
    // NAME_MAX is 255 bytes: a temporary name made by adding to the target's ran past it from
    // 249 bytes on ("Unknown error").
    QTest::addColumn<int>("length");
    QTest::addColumn<elu::Staging>("staging");
    for (int length : {248, 249, 250, 254, 255}) {
        QTest::addRow("%d bytes", length) << length << elu::Staging::Automatic;
        QTest::addRow("%d bytes, named temporary", length)
            << length << elu::Staging::NamedTemporary;
    }
}

void TestSafeFileWriter::replacesAFileWithALongName()
{
    QFETCH(int, length);
    QFETCH(elu::Staging, staging);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString name = QString(length - 5, QLatin1Char('e')) + QStringLiteral(".json");
    const QString path = dir.filePath(name);
    QVERIFY(writeBytes(path, knownBytes(3000)));
    const elu::WriteResult result =
        elu::writeFileAtomically(path, writing(knownBytes(4000, 11)), staging);
    QVERIFY2(!result, result ? qPrintable(result->message()) : "");
    QCOMPARE(contentsOf(path), knownBytes(4000, 11));
    QCOMPARE(entriesOf(dir.path()), QStringList{name});
}

void TestSafeFileWriter::keepsThePermissions()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("kept.csv"));
    QVERIFY(writeBytes(path, knownBytes(10)));
    QVERIFY(::chmod(QFile::encodeName(path).constData(), 0640) == 0);
    QVERIFY(!elu::writeFileAtomically(path, writing(knownBytes(20))));
    QCOMPARE(statusOf(path).st_mode & 07777, mode_t(0640));

    // A new file gets what the umask leaves of rw-rw-rw-, as any program's would.
    const mode_t umask = ::umask(0);
    ::umask(umask);
    const QString fresh = dir.filePath(QStringLiteral("fresh.csv"));
    QVERIFY(!elu::writeFileAtomically(fresh, writing(knownBytes(20))));
    QCOMPARE(statusOf(fresh).st_mode & 07777, mode_t(0666 & ~umask));
}

void TestSafeFileWriter::writesThroughASymlink()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString real = dir.filePath(QStringLiteral("real.json"));
    const QString link = dir.filePath(QStringLiteral("link.json"));
    QVERIFY(writeBytes(real, knownBytes(10)));
    QVERIFY(QFile::link(QStringLiteral("real.json"), link));
    QVERIFY(!elu::writeFileAtomically(link, writing(knownBytes(30, 3))));
    QVERIFY(S_ISLNK(statusOf(link).st_mode));
    QCOMPARE(contentsOf(real), knownBytes(30, 3));
    QCOMPARE(entriesOf(dir.path()),
             (QStringList{QStringLiteral("link.json"), QStringLiteral("real.json")}));
}

void TestSafeFileWriter::refusesAFolder_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("entries");
    QTest::newRow("an existing folder") << "out.json" << QStringList{QStringLiteral("out.json")};
    QTest::newRow("a name ending in /") << "new/" << QStringList();
}

void TestSafeFileWriter::refusesAFolder()
{
    QFETCH(QString, name);
    QFETCH(QStringList, entries);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (const QString &folder : entries)
        QVERIFY(QDir(dir.path()).mkdir(folder));
    const QString path = dir.filePath(name);
    const elu::WriteResult result = elu::writeFileAtomically(path, writing(knownBytes(10)));
    QVERIFY(result.has_value());
    QVERIFY2(result->reason.contains(systemReason(EISDIR)), qPrintable(result->reason));
    QCOMPARE(entriesOf(dir.path()), entries);
    for (const QString &folder : entries)
        QCOMPARE(entriesOf(dir.filePath(folder)), QStringList());
}

void TestSafeFileWriter::failedWriteLeavesNothing_data()
{
    // In a folder holding "old/kept" (known bytes), a write to `target` that fails after 10 kB;
    // afterwards the folder must list `after` (the target's folders made for it are gone again).
    QTest::addColumn<QString>("target");
    QTest::addColumn<QStringList>("after");
    QTest::addColumn<elu::Staging>("staging");
    const QStringList old{QStringLiteral("old")};
    for (elu::Staging staging : {elu::Staging::Automatic, elu::Staging::NamedTemporary}) {
        const char *how = staging == elu::Staging::Automatic ? "" : ", named temporary";
        QTest::addRow("over a file%s", how) << "old/kept" << old << staging;
        QTest::addRow("new file%s", how) << "old/new.json" << old << staging;
        QTest::addRow("new folder%s", how) << "new/new.json" << old << staging;
        QTest::addRow("new folders%s", how) << "new/sub/deeper/new.json" << old << staging;
        QTest::addRow("new folder in an old one%s", how) << "old/new/new.json" << old << staging;
    }
}

void TestSafeFileWriter::failedWriteLeavesNothing()
{
    QFETCH(QString, target);
    QFETCH(QStringList, after);
    QFETCH(elu::Staging, staging);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("old")));
    const QString kept = dir.filePath(QStringLiteral("old/kept"));
    QVERIFY(writeBytes(kept, knownBytes(1000)));

    const QString path = dir.filePath(target);
    const elu::WriteResult result = elu::writeFileAtomically(path, failingAfter(10'000), staging);
    QVERIFY2(result.has_value(), "the failed write was reported as a success");
    QCOMPARE(result->path, path);
    QCOMPARE(entriesOf(dir.path()), after);
    QCOMPARE(entriesOf(dir.filePath(QStringLiteral("old"))), QStringList{QStringLiteral("kept")});
    QCOMPARE(contentsOf(kept), knownBytes(1000));
}

void TestSafeFileWriter::writesAFifoDirectly()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("fifo"));
    QVERIFY(::mkfifo(QFile::encodeName(path).constData(), 0600) == 0);
    // Far more than a pipe holds, so the writer waits on the reader.
    const QByteArray bytes = knownBytes(3 << 20);
    FifoReader reader(path);
    QVERIFY(reader.isOpen());
    const elu::WriteResult result = elu::writeFileAtomically(path, writing(bytes));
    const QByteArray got = reader.finish();
    QVERIFY2(!result, result ? qPrintable(result->message()) : "");
    QVERIFY2(
        got == bytes,
        qPrintable(
            QStringLiteral("the reader got %1 of %2 bytes").arg(got.size()).arg(bytes.size())));
    QVERIFY(S_ISFIFO(statusOf(path).st_mode));
    QCOMPARE(entriesOf(dir.path()), QStringList{QStringLiteral("fifo")});
}

void TestSafeFileWriter::reportsAFifoWhoseReaderLeft()
{
    // The reader closes after 100 bytes: the write fails with the system's reason, and the
    // SIGPIPE that comes with it must not end the process (the window writes files too).
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("fifo"));
    QVERIFY(::mkfifo(QFile::encodeName(path).constData(), 0600) == 0);
    FifoReader reader(path, 100);
    QVERIFY(reader.isOpen());
    const elu::WriteResult result = elu::writeFileAtomically(path, writing(knownBytes(3 << 20)));
    reader.finish();
    QVERIFY2(result.has_value(), "a write into a closed pipe was reported as a success");
    QVERIFY2(result->reason.contains(systemReason(EPIPE)), qPrintable(result->message()));
    QVERIFY(S_ISFIFO(statusOf(path).st_mode));
    QCOMPARE(entriesOf(dir.path()), QStringList{QStringLiteral("fifo")});
}

void TestSafeFileWriter::writesADescriptorDirectly_data()
{
    // `%1` is the write end of a pipe, `%2` this process, `%3` a link to /proc/self/fd.
    QTest::addColumn<QString>("pattern");
    QTest::newRow("/dev/fd/N") << QStringLiteral("/dev/fd/%1");
    QTest::newRow("/proc/self/fd/N") << QStringLiteral("/proc/self/fd/%1");
    QTest::newRow("/proc/PID/fd/N") << QStringLiteral("/proc/%2/fd/%1");
    QTest::newRow("/dev/./fd/N") << QStringLiteral("/dev/./fd/%1");
    QTest::newRow("a link to /proc/self/fd, then N") << QStringLiteral("%3/%1");
}

void TestSafeFileWriter::writesADescriptorDirectly()
{
    QFETCH(QString, pattern);
    Pipe pipe;
    QVERIFY(pipe.ends[1] >= 0);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString link = dir.filePath(QStringLiteral("fds"));
    QVERIFY(QFile::link(QStringLiteral("/proc/self/fd"), link));
    const QString path = QString(pattern)
                             .replace(QStringLiteral("%1"), QString::number(pipe.ends[1]))
                             .replace(QStringLiteral("%2"), QString::number(::getpid()))
                             .replace(QStringLiteral("%3"), link);
    const QByteArray bytes = knownBytes(20'000);
    const elu::WriteResult result = elu::writeFileAtomically(path, writing(bytes));
    pipe.closeWriteEnd();
    QVERIFY2(!result, result ? qPrintable(result->message()) : "");
    QCOMPARE(pipe.readAll(), bytes);

    // A descriptor that is not open is reported, not created.
    const elu::WriteResult closed =
        elu::writeFileAtomically(QStringLiteral("/dev/fd/%1").arg(1000), writing(bytes));
    QVERIFY(closed.has_value());
    QVERIFY2(closed->reason.contains(systemReason(EBADF)), qPrintable(closed->message()));
}

void TestSafeFileWriter::writesAnAppendingDescriptorAtItsEnd()
{
    // `{ echo head; elu-explorer --csv /dev/stdout; } >> log`: the shell's descriptor is a
    // regular file opened to append. Its text is added at the end of the same file; the file is
    // neither replaced (a new inode the shell never sees) nor overwritten from the start.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString log = dir.filePath(QStringLiteral("log"));
    QVERIFY(writeBytes(log, "head\n"));
    const ino_t inode = statusOf(log).st_ino;
    const int fd = ::open(QFile::encodeName(log).constData(), O_WRONLY | O_APPEND | O_CLOEXEC);
    QVERIFY(fd >= 0);
    const QByteArray bytes = knownBytes(5000);
    const elu::WriteResult result =
        elu::writeFileAtomically(QStringLiteral("/proc/self/fd/%1").arg(fd), writing(bytes));
    ::close(fd);
    QVERIFY2(!result, result ? qPrintable(result->message()) : "");
    QCOMPARE(statusOf(log).st_ino, inode);
    QCOMPARE(contentsOf(log), "head\n" + bytes);
    QCOMPARE(entriesOf(dir.path()), QStringList{QStringLiteral("log")});
}

QTEST_APPLESS_MAIN(TestSafeFileWriter)
#include "tst_safefilewriter.moc"
