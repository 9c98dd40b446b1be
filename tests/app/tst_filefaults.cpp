// SPDX-License-Identifier: MIT
// File faults: a parent that is a file, a full disk, a read-only disk, an append-only folder, a
// file that may not be replaced and devices that fail mid-write. A failed write must name the
// path and the system's reason, leave an existing target byte for byte as it was and leave no
// temporary file or new folder behind. Targets that are not regular files (devices, FIFOs,
// standard output) are written directly and never replaced.
#include "datawriter.h"
#include "filesupport.h"
#include "processsupport.h"
#include "safefilewriter.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <limits>
#include <optional>

namespace {

using testsupport::contentsOf;
using testsupport::entriesOf;
using testsupport::knownBytes;
using testsupport::Run;
using testsupport::RunOptions;
using testsupport::writeBytes;

// Runs elu-explorer with the system's words in English, as systemReason() gives them here.
Run runInEnglish(const QStringList &arguments, RunOptions options = {})
{
    options.environment = testsupport::cLocaleEnvironment();
    return testsupport::runBinary(arguments, options);
}

// A fault this machine cannot set up (not root, no tmpfs, no chattr, no device nodes) skips its
// test, and the suite then exits with skippedExitCode, which CTest shows as skipped
// (SKIP_RETURN_CODE in tests/CMakeLists.txt) rather than passed. Where
// ELU_REQUIRE_FAULT_TESTS=1 (.ci/run sets it when CI runs as root) such a skip is a failure.
constexpr int skippedExitCode = 77;
bool faultSkipped = false;

bool faultTestsRequired()
{
    return qEnvironmentVariableIntValue("ELU_REQUIRE_FAULT_TESTS") == 1;
}

#define SKIP_FAULT(why)                                                                            \
    do {                                                                                           \
        const QByteArray skipReason = (why);                                                       \
        if (faultTestsRequired())                                                                  \
            QFAIL(("ELU_REQUIRE_FAULT_TESTS=1, and " + skipReason).constData());                   \
        faultSkipped = true;                                                                       \
        QSKIP(skipReason.constData());                                                             \
    } while (false)

// Fails once `limit` bytes went through: the write that crosses the limit is cut short, every
// later one refused and counted, so a writer that carries on after a failure is caught.
class FailingDevice final : public QIODevice
{
public:
    explicit FailingDevice(qint64 limit)
        : m_limit(limit)
    {
        open(QIODevice::WriteOnly | QIODevice::Unbuffered);
    }

    bool isSequential() const override { return true; }
    qint64 accepted() const { return m_accepted; }
    int attemptsAfterFailure() const { return m_attemptsAfterFailure; }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *, qint64 size) override
    {
        if (m_failed) {
            ++m_attemptsAfterFailure;
            return -1;
        }
        const qint64 room = m_limit - m_accepted;
        if (size <= room) {
            m_accepted += size;
            return size;
        }
        m_failed = true;
        m_accepted += room;
        return room > 0 ? room : -1;
    }

private:
    qint64 m_limit;
    qint64 m_accepted = 0;
    bool m_failed = false;
    int m_attemptsAfterFailure = 0;
};

// Mounts a tmpfs on `folder` (root only) and unmounts it however the test ends. As root,
// permissions stop nothing, so a small or read-only file system is the only honest fault.
class TmpfsMount
{
public:
    TmpfsMount(const QString &folder, const QString &options)
        : m_folder(folder)
    {
        if (geteuid() != 0)
            m_error = QStringLiteral("mounting a tmpfs needs root; not running as root");
        else
            m_mounted = run(QStringLiteral("mount"),
                            {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                             options, QStringLiteral("tmpfs"), folder});
    }
    ~TmpfsMount()
    {
        if (m_mounted)
            run(QStringLiteral("umount"), {m_folder});
    }
    TmpfsMount(const TmpfsMount &) = delete;
    TmpfsMount &operator=(const TmpfsMount &) = delete;

    bool isMounted() const { return m_mounted; }
    QByteArray whyNot() const { return "cannot mount a tmpfs: " + m_error.toUtf8(); }
    bool remountReadOnly()
    {
        return run(QStringLiteral("mount"),
                   {QStringLiteral("-o"), QStringLiteral("remount,ro"), m_folder});
    }

private:
    bool run(const QString &program, const QStringList &arguments)
    {
        QProcess process;
        process.start(program, arguments);
        const bool ok = process.waitForFinished(30'000)
                        && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
        m_error = process.errorString() + QLatin1Char(' ')
                  + QString::fromLocal8Bit(process.readAllStandardError());
        return ok;
    }

    QString m_folder;
    QString m_error;
    bool m_mounted = false;
};

#define SKIP_UNLESS_MOUNTED(mount)                                                                 \
    do {                                                                                           \
        if (!(mount).isMounted())                                                                  \
            SKIP_FAULT((mount).whyNot());                                                          \
    } while (false)

// Sets an inode flag (FS_APPEND_FL is chattr +a, FS_IMMUTABLE_FL +i) on `path` and clears it
// again however the test ends. Needs root (CAP_LINUX_IMMUTABLE) and a file system with flags.
class InodeFlag
{
public:
    InodeFlag(const QString &path, int flag)
        : m_path(path)
        , m_flag(flag)
    {
        m_set = change(true);
    }
    ~InodeFlag()
    {
        if (m_set)
            change(false);
    }
    InodeFlag(const InodeFlag &) = delete;
    InodeFlag &operator=(const InodeFlag &) = delete;

    bool isSet() const { return m_set; }
    QByteArray whyNot() const
    {
        return "cannot set the flag " + QByteArray::number(m_flag, 16) + " (chattr) on "
               + QFile::encodeName(m_path) + ": " + m_error;
    }

private:
    bool change(bool on)
    {
        const int fd =
            ::open(QFile::encodeName(m_path).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
        int flags = 0;
        bool ok = fd >= 0 && ::ioctl(fd, FS_IOC_GETFLAGS, &flags) == 0;
        if (ok) {
            flags = on ? flags | m_flag : flags & ~m_flag;
            ok = ::ioctl(fd, FS_IOC_SETFLAGS, &flags) == 0;
        }
        if (!ok)
            m_error = std::strerror(errno);
        if (fd >= 0)
            ::close(fd);
        return ok;
    }

    QString m_path;
    int m_flag;
    bool m_set = false;
    QByteArray m_error;
};

// A temporary folder where chattr works: the system's temporary folder, or, where its file
// system has no inode flags (overlayfs in containers), a tmpfs mounted on it (Linux 6.0 on).
class FlagFolder
{
public:
    FlagFolder()
    {
        if (!flagsWork())
            m_disk.emplace(m_dir.path(), QStringLiteral("size=8m"));
    }

    bool isValid() const { return m_dir.isValid(); }
    QString path() const { return m_dir.path(); }
    QString filePath(const QString &name) const { return m_dir.filePath(name); }

private:
    bool flagsWork() const
    {
        const QString probe = m_dir.filePath(QStringLiteral("probe"));
        QFile(probe).open(QIODevice::WriteOnly);
        const bool works = InodeFlag(probe, FS_APPEND_FL).isSet();
        QFile::remove(probe);
        return works;
    }

    QTemporaryDir m_dir;
    std::optional<TmpfsMount> m_disk;
};

// What elu-explorer writes into a regular file for these arguments ("%1" is the file).
QByteArray referenceOutput(const QStringList &arguments)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("reference"));
    QStringList withPath;
    for (const QString &argument : arguments)
        withPath << (argument == QLatin1String("%1") ? path : argument);
    const Run run = runInEnglish(withPath);
    QFile file(path);
    return run.exitCode == 0 && file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// A reader of a FIFO in its own process (`cat`, `head -c N`): it blocks until a writer opens
// the FIFO, and never if the FIFO was replaced by a file: then it is ended after a while.
class FifoReader
{
public:
    explicit FifoReader(const QStringList &command)
    {
        m_process.start(command.first(), command.mid(1));
        m_process.waitForStarted();
    }
    ~FifoReader()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }
    FifoReader(const FifoReader &) = delete;
    FifoReader &operator=(const FifoReader &) = delete;

    /// What the reader got, once the writer is gone; empty if it is still waiting after 10 s.
    QByteArray finish()
    {
        if (!m_process.waitForFinished(10'000))
            return {};
        return m_process.readAllStandardOutput();
    }

private:
    QProcess m_process;
};

mode_t typeOf(const struct stat &status)
{
    return status.st_mode & S_IFMT;
}

struct stat statusOf(const QString &path)
{
    struct stat status = {};
    ::lstat(QFile::encodeName(path).constData(), &status);
    return status;
}

// Writes zeros until the file system refuses more.
void fillUp(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return;
    const QByteArray block(4096, '\0');
    while (file.write(block) == block.size()) {
    }
}

elu::WriteResult save(const QString &format, const QString &path, const elu::PlotSpec &p)
{
    return format == QLatin1String("csv") ? elu::saveCsv(path, p) : elu::saveJson(path, p);
}

// The system's words for an errno, as the C library gives them.
QString systemReason(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

} // namespace

Q_DECLARE_METATYPE(elu::Staging)

class TestFileFaults : public QObject
{
    Q_OBJECT

private slots:
    void parentIsAFile_data();
    void parentIsAFile();
    void diskFault_data();
    void diskFault();
    void animationDiskFault_data();
    void animationDiskFault();
    void failingDeviceStopsTheWriter_data();
    void failingDeviceStopsTheWriter();
    void appendOnlyFolder_data();
    void appendOnlyFolder();
    void targetThatMayNotBeReplaced_data();
    void targetThatMayNotBeReplaced();
    void failedFolderExportLeavesNoFolder_data();
    void failedFolderExportLeavesNoFolder();
    void longNameThroughTheBinary();
    void characterDevice_data();
    void characterDevice();
    void fifoThroughTheBinary_data();
    void fifoThroughTheBinary();
    void fifoReaderLeavesEarly();
    void standardOutput_data();
    void standardOutput();
    void standardOutputIsAFile_data();
    void standardOutputIsAFile();
    void standardOutputIsClosed_data();
    void standardOutputIsClosed();
    void skippedFaultIsReported();
};

void TestFileFaults::parentIsAFile_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("json") << QStringLiteral("json");
    QTest::newRow("csv") << QStringLiteral("csv");
}

void TestFileFaults::parentIsAFile()
{
    QFETCH(QString, format);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString plain = dir.filePath(QStringLiteral("plain"));
    QVERIFY(writeBytes(plain, knownBytes(1000)));
    const QString path = plain + QStringLiteral("/sub/elu.") + format;
    const elu::WriteResult result = save(format, path, {});
    QVERIFY(result.has_value());
    QVERIFY2(result->message().contains(QDir::toNativeSeparators(path)),
             qPrintable(result->message()));
    QVERIFY2(result->reason.contains(QStringLiteral("not a folder")), qPrintable(result->reason));
    QCOMPARE(entriesOf(dir.path()), QStringList{QStringLiteral("plain")});
    QCOMPARE(contentsOf(plain), knownBytes(1000));
}

void TestFileFaults::diskFault_data()
{
    // A 64 kB tmpfs holding "kept.<format>" (16 kB of known bytes); `fill` fills the rest first,
    // `readOnly` remounts it read-only; `binary` writes through elu-explorer --json or --csv.
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("target");
    QTest::addColumn<qint64>("points");
    QTest::addColumn<bool>("fill");
    QTest::addColumn<bool>("readOnly");
    QTest::addColumn<bool>("binary");
    const QString json = QStringLiteral("json"), csv = QStringLiteral("csv");
    // 10,000 points are about 600 kB: far beyond the disk.
    QTest::newRow("full, json over a file")
        << json << "kept" << qint64(10'000) << false << false << false;
    QTest::newRow("full, csv over a file")
        << csv << "kept" << qint64(10'000) << false << false << false;
    QTest::newRow("full, json new file")
        << json << "new" << qint64(10'000) << false << false << false;
    // A file small enough to sit in a write buffer until commit must fail all the same.
    QTest::newRow("full already, tiny json over a file")
        << json << "kept" << qint64(2) << true << false << false;
    QTest::newRow("full already, tiny csv new file")
        << csv << "new" << qint64(2) << true << false << false;
    QTest::newRow("read-only, json over a file")
        << json << "kept" << qint64(2) << false << true << false;
    QTest::newRow("read-only, csv new file") << csv << "new" << qint64(2) << false << true << false;
    QTest::newRow("read-only, json new folder")
        << json << "sub/new" << qint64(2) << false << true << false;
    QTest::newRow("binary, full, json over a file")
        << json << "kept" << qint64(10'000) << false << false << true;
    QTest::newRow("binary, read-only, csv over a file")
        << csv << "kept" << qint64(2) << false << true << true;
}

void TestFileFaults::diskFault()
{
    QFETCH(QString, format);
    QFETCH(QString, target);
    QFETCH(qint64, points);
    QFETCH(bool, fill);
    QFETCH(bool, readOnly);
    QFETCH(bool, binary);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    TmpfsMount disk(dir.path(), QStringLiteral("size=64k"));
    SKIP_UNLESS_MOUNTED(disk);
    const QString kept = dir.filePath(QStringLiteral("kept.") + format);
    QVERIFY(writeBytes(kept, knownBytes(16 * 1024)));
    QStringList expected{QFileInfo(kept).fileName()};
    if (fill) {
        fillUp(dir.filePath(QStringLiteral("filler")));
        expected.prepend(QStringLiteral("filler"));
    }
    if (readOnly)
        QVERIFY2(disk.remountReadOnly(), disk.whyNot().constData());

    const QString path = dir.filePath(target + QLatin1Char('.') + format);
    QString message;
    if (binary) {
        const Run run = runInEnglish({QStringLiteral("--") + format, path,
                                      QStringLiteral("--points"), QString::number(points)});
        message = QString::fromLocal8Bit(run.err);
        QVERIFY2(run.exitCode == 1, qPrintable(message));
    } else {
        const elu::WriteResult result = save(format, path, testsupport::eluSpec(1.0, -2.0, 2.0, points));
        QVERIFY2(result.has_value(), "the failed write was reported as a success");
        message = result->message();
    }
    QVERIFY2(message.contains(QDir::toNativeSeparators(path)), qPrintable(message));
    QVERIFY2(message.contains(systemReason(readOnly ? EROFS : ENOSPC)), qPrintable(message));
    QCOMPARE(contentsOf(kept), knownBytes(16 * 1024));
    QCOMPARE(entriesOf(dir.path()), expected); // no "kept.json.XXXXXX" left behind
}

void TestFileFaults::animationDiskFault_data()
{
    // As diskFault: a 64 kB tmpfs holding "kept.<format>" (16 kB of known bytes), `fill` fills
    // the rest first. elu-explorer --animate writes the animation (800 × 600, 60 frames:
    // some 300 kB of GIF, 500 kB of WebP), far beyond the disk.
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("target");
    QTest::addColumn<bool>("fill");
    const QString gif = QStringLiteral("gif"), webp = QStringLiteral("webp");
    QTest::newRow("full, gif over a file") << gif << "kept" << false;
    QTest::newRow("full, webp over a file") << webp << "kept" << false;
    QTest::newRow("full, gif new file") << gif << "new" << false;
    QTest::newRow("full, webp new file") << webp << "new" << false;
    QTest::newRow("full already, gif over a file") << gif << "kept" << true;
    QTest::newRow("full already, webp new file") << webp << "new" << true;
}

void TestFileFaults::animationDiskFault()
{
    QFETCH(QString, format);
    QFETCH(QString, target);
    QFETCH(bool, fill);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    TmpfsMount disk(dir.path(), QStringLiteral("size=64k"));
    SKIP_UNLESS_MOUNTED(disk);
    const QString kept = dir.filePath(QStringLiteral("kept.") + format);
    QVERIFY(writeBytes(kept, knownBytes(16 * 1024)));
    QStringList expected{QFileInfo(kept).fileName()};
    if (fill) {
        fillUp(dir.filePath(QStringLiteral("filler")));
        expected.prepend(QStringLiteral("filler"));
    }

    const QString path = dir.filePath(target + QLatin1Char('.') + format);
    const Run run =
        runInEnglish({QStringLiteral("--curve"), QStringLiteral("relu"), QStringLiteral("--curve"),
                   QStringLiteral("elu"), QStringLiteral("--animate"),
                   QStringLiteral("alpha=0.1:3"), QStringLiteral("--") + format, path});
    QVERIFY2(run.exitCode == 1, run.describe().constData());
    const QString message = QString::fromLocal8Bit(run.err);
    QVERIFY2(message.contains(QDir::toNativeSeparators(path)), qPrintable(message));
    QVERIFY2(message.contains(systemReason(ENOSPC)), qPrintable(message));
    QCOMPARE(contentsOf(kept), knownBytes(16 * 1024));
    QCOMPARE(entriesOf(dir.path()), expected); // no "kept.gif.XXXXXX" left behind
}

void TestFileFaults::failingDeviceStopsTheWriter_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<qint64>("points");
    QTest::addColumn<qint64>("limit");
    for (const char *format : {"json", "csv"}) {
        for (qint64 limit : {0, 1, 100, 70'000})
            QTest::addRow("%s, fails after %lld bytes", format, qlonglong(limit))
                << QString::fromLatin1(format) << qint64(10'000) << limit;
        // Past the first 64 Ki-sample chunk, where the writer formats on several threads.
        QTest::addRow("%s, fails in a later chunk", format)
            << QString::fromLatin1(format) << qint64(300'000) << qint64(5'000'000);
    }
}

void TestFileFaults::failingDeviceStopsTheWriter()
{
    QFETCH(QString, format);
    QFETCH(qint64, points);
    QFETCH(qint64, limit);
    const elu::PlotSpec parameters = testsupport::eluSpec(0.5, -3.0, 3.0, points);
    auto write = [&](QIODevice &device) {
        return format == QLatin1String("csv") ? elu::writeCsv(device, parameters)
                                              : elu::writeJson(device, parameters);
    };
    // The same device with no limit takes the whole text: the limit is what makes it fail.
    FailingDevice unlimited(std::numeric_limits<qint64>::max());
    QVERIFY(write(unlimited));
    QVERIFY2(unlimited.accepted() > limit, "the text is too short to reach the limit");

    FailingDevice device(limit);
    QVERIFY2(!write(device), "the writer did not report the failed write");
    QCOMPARE(device.accepted(), limit);
    QCOMPARE(device.attemptsAfterFailure(), 0);
}

void TestFileFaults::appendOnlyFolder_data()
{
    // A folder with chattr +a holding "kept.<format>": a file in it can be created, never removed
    // or renamed, so a temporary file made there could never go again. `how` is "library"
    // (saveJson, saveCsv), "named" (a named temporary file, as on NFS or FAT), "binary"
    // (elu-explorer --json, --csv) or "failing" (a writer that fails after 10 kB).
    QTest::addColumn<QString>("how");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("target");
    QTest::addColumn<bool>("succeeds");
    const QString library = QStringLiteral("library"), named = QStringLiteral("named"),
                  binary = QStringLiteral("binary"), failing = QStringLiteral("failing");
    const QString json = QStringLiteral("json"), csv = QStringLiteral("csv");
    const QString kept = QStringLiteral("kept"), fresh = QStringLiteral("new");
    QTest::newRow("json over a file") << library << json << kept << false;
    QTest::newRow("json over a file, named temporary") << named << json << kept << false;
    QTest::newRow("binary, csv over a file") << binary << csv << kept << false;
    // An unnamed temporary file (O_TMPFILE) is linked in only once complete.
    QTest::newRow("json new file") << library << json << fresh << true;
    QTest::newRow("binary, csv new file") << binary << csv << fresh << true;
    QTest::newRow("new file, the writer fails") << failing << json << fresh << false;
    // A named temporary file could not be removed after a failure: refused before writing.
    QTest::newRow("json new file, named temporary") << named << json << fresh << false;
}

void TestFileFaults::appendOnlyFolder()
{
    QFETCH(QString, how);
    QFETCH(QString, format);
    QFETCH(QString, target);
    QFETCH(bool, succeeds);
    FlagFolder dir;
    QVERIFY(dir.isValid());
    const QString folder = dir.filePath(QStringLiteral("log"));
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("log")));
    const QString kept = folder + QStringLiteral("/kept.") + format;
    QVERIFY(writeBytes(kept, knownBytes(16 * 1024)));
    InodeFlag appendOnly(folder, FS_APPEND_FL);
    if (!appendOnly.isSet())
        SKIP_FAULT(appendOnly.whyNot());

    const QString path = folder + QLatin1Char('/') + target + QLatin1Char('.') + format;
    const elu::PlotSpec spec = testsupport::eluSpec(1.0, -2.0, 2.0, 1000);
    QString message;
    bool written = false;
    if (how == QLatin1String("binary")) {
        const Run run = runInEnglish({QStringLiteral("--") + format, path});
        QVERIFY2(run.exitCode == (succeeds ? 0 : 1), run.describe().constData());
        written = run.exitCode == 0;
        message = QString::fromLocal8Bit(run.err);
    } else {
        elu::WriteResult result;
        if (how == QLatin1String("library")) {
            result = save(format, path, spec);
        } else if (how == QLatin1String("named")) {
            result = elu::writeFileAtomically(
                path, [&](QIODevice &device) { return elu::writeJson(device, spec); },
                elu::Staging::NamedTemporary);
        } else {
            result = elu::writeFileAtomically(path, [](QIODevice &device) {
                device.write(knownBytes(10'000));
                return false;
            });
        }
        written = !result;
        if (result)
            message = result->message();
    }
    QVERIFY2(written == succeeds, qPrintable(message));
    QStringList expected{QFileInfo(kept).fileName()};
    if (succeeds)
        expected << QFileInfo(path).fileName();
    expected.sort();
    QCOMPARE(entriesOf(folder), expected); // no "kept.json.XXXXXX" or ".elu-XXXXXXXX" left behind
    QCOMPARE(contentsOf(kept), knownBytes(16 * 1024));
    if (succeeds) {
        const QByteArray text = contentsOf(path);
        QVERIFY2(format == QLatin1String("csv") ? text.startsWith("x,y,yp\n") && text.endsWith("\n")
                                                : text.endsWith("]\n}\n"),
                 "the new file is not complete");
    } else {
        QVERIFY2(message.contains(QDir::toNativeSeparators(path)), qPrintable(message));
        if (how != QLatin1String("failing"))
            QVERIFY2(message.contains(QStringLiteral("append-only")), qPrintable(message));
    }
}

void TestFileFaults::targetThatMayNotBeReplaced_data()
{
    // An existing file with chattr +i or +a: renaming over it fails after the new text was
    // written, and the temporary file must go again.
    QTest::addColumn<int>("flag");
    QTest::addColumn<elu::Staging>("staging");
    QTest::newRow("immutable") << int(FS_IMMUTABLE_FL) << elu::Staging::Automatic;
    QTest::newRow("immutable, named temporary")
        << int(FS_IMMUTABLE_FL) << elu::Staging::NamedTemporary;
    QTest::newRow("append-only") << int(FS_APPEND_FL) << elu::Staging::Automatic;
    QTest::newRow("append-only, named temporary")
        << int(FS_APPEND_FL) << elu::Staging::NamedTemporary;
}

void TestFileFaults::targetThatMayNotBeReplaced()
{
    QFETCH(int, flag);
    QFETCH(elu::Staging, staging);
    FlagFolder dir;
    QVERIFY(dir.isValid());
    const QString kept = dir.filePath(QStringLiteral("kept.json"));
    QVERIFY(writeBytes(kept, knownBytes(16 * 1024)));
    InodeFlag fixed(kept, flag);
    if (!fixed.isSet())
        SKIP_FAULT(fixed.whyNot());
    const elu::PlotSpec spec = testsupport::eluSpec(1.0, -2.0, 2.0, 1000);
    const elu::WriteResult result = elu::writeFileAtomically(
        kept, [&](QIODevice &device) { return elu::writeJson(device, spec); }, staging);
    QVERIFY2(result.has_value(), "the failed write was reported as a success");
    QVERIFY2(result->message().contains(QDir::toNativeSeparators(kept)),
             qPrintable(result->message()));
    QVERIFY2(result->reason.contains(systemReason(EPERM)), qPrintable(result->reason));
    QCOMPARE(contentsOf(kept), knownBytes(16 * 1024));
    QCOMPARE(entriesOf(dir.path()), QStringList{QStringLiteral("kept.json")});
}

void TestFileFaults::failedFolderExportLeavesNoFolder_data()
{
    // Several curves to a folder on a 64 kB tmpfs holding "kept.json" (16 kB): the folders the
    // export made, and the files it wrote into them, go again when a file fails. `folder`
    // ending in '/' is new; "old/" exists and holds "keep".
    QTest::addColumn<bool>("binary");
    QTest::addColumn<QString>("folder");
    QTest::addColumn<qint64>("points");
    QTest::newRow("new folder") << false << "new/" << qint64(10'000);
    QTest::newRow("new folders") << false << "a/b/new/" << qint64(10'000);
    QTest::newRow("new folder in an old one") << false << "old/new/" << qint64(10'000);
    QTest::newRow("old folder") << false << "old/" << qint64(10'000);
    // About 25 kB a file: the first fits, the second does not.
    QTest::newRow("second file fails") << false << "new/" << qint64(500);
    QTest::newRow("binary, new folder") << true << "new/" << qint64(10'000);
    QTest::newRow("binary, second file fails") << true << "a/new/" << qint64(500);
}

void TestFileFaults::failedFolderExportLeavesNoFolder()
{
    QFETCH(bool, binary);
    QFETCH(QString, folder);
    QFETCH(qint64, points);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    TmpfsMount disk(dir.path(), QStringLiteral("size=64k"));
    SKIP_UNLESS_MOUNTED(disk);
    QVERIFY(writeBytes(dir.filePath(QStringLiteral("kept.json")), knownBytes(16 * 1024)));
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("old")));
    QVERIFY(writeBytes(dir.filePath(QStringLiteral("old/keep")), knownBytes(100)));

    const QString path = dir.filePath(folder);
    QString message;
    if (binary) {
        const Run run = runInEnglish({QStringLiteral("--curve"), QStringLiteral("elu:alpha=0.5,1"),
                                   QStringLiteral("--points"), QString::number(points),
                                   QStringLiteral("--json"), path});
        QVERIFY2(run.exitCode == 1, run.describe().constData());
        message = QString::fromLocal8Bit(run.err);
    } else {
        elu::PlotSpec spec = testsupport::eluSpec(0.5, -2.0, 2.0, points);
        spec.curves.push_back({elu::ActivationId::Elu, 1.0});
        const elu::WriteResult result = elu::saveJsonFolder(path, spec);
        QVERIFY2(result.has_value(), "the failed write was reported as a success");
        message = result->message();
    }
    QVERIFY2(message.contains(systemReason(ENOSPC)), qPrintable(message));
    QCOMPARE(entriesOf(dir.path()),
             (QStringList{QStringLiteral("kept.json"), QStringLiteral("old")}));
    QCOMPARE(entriesOf(dir.filePath(QStringLiteral("old"))), QStringList{QStringLiteral("keep")});
    QCOMPARE(contentsOf(dir.filePath(QStringLiteral("kept.json"))), knownBytes(16 * 1024));
}

void TestFileFaults::longNameThroughTheBinary()
{
    // A file name of NAME_MAX (255) bytes is replaced like any other.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString name = QString(251, QLatin1Char('e')) + QStringLiteral(".csv");
    const QString path = dir.filePath(name);
    QVERIFY(writeBytes(path, knownBytes(1000)));
    const Run run = runInEnglish(
        {QStringLiteral("--csv"), path, QStringLiteral("--points"), QStringLiteral("300")});
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    QCOMPARE(contentsOf(path),
             referenceOutput({QStringLiteral("--csv"), QStringLiteral("%1"),
                              QStringLiteral("--points"), QStringLiteral("300")}));
    QCOMPARE(entriesOf(dir.path()), QStringList{name});
}

void TestFileFaults::characterDevice_data()
{
    // A device node made with mknod in a temporary folder (never the real /dev): /dev/null's
    // (1, 3) takes everything, /dev/full's (1, 7) refuses every write with ENOSPC. The node must
    // stay the node it was, and nothing may appear beside it.
    QTest::addColumn<int>("minor");
    QTest::addColumn<QString>("format");
    QTest::addColumn<bool>("binary");
    QTest::newRow("null, json") << 3 << "json" << false;
    QTest::newRow("null, binary, csv") << 3 << "csv" << true;
    QTest::newRow("null, binary, svg") << 3 << "svg" << true;
    QTest::newRow("full, json") << 7 << "json" << false;
    QTest::newRow("full, binary, json") << 7 << "json" << true;
    QTest::newRow("full, binary, svg") << 7 << "svg" << true;
}

void TestFileFaults::characterDevice()
{
    QFETCH(int, minor);
    QFETCH(QString, format);
    QFETCH(bool, binary);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("device"));
    const dev_t device = makedev(1, unsigned(minor));
    if (::mknod(QFile::encodeName(path).constData(), S_IFCHR | 0666, device) != 0)
        SKIP_FAULT(QByteArray("cannot make a device node (mknod needs root): ")
                   + std::strerror(errno));
    if (const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CLOEXEC); fd >= 0)
        ::close(fd);
    else
        SKIP_FAULT(QByteArray("cannot open a device node here (a nodev mount?): ")
                   + std::strerror(errno));

    const bool succeeds = minor == 3;
    QString message;
    if (binary) {
        const Run run = runInEnglish({QStringLiteral("--") + format, path});
        QVERIFY2(run.exitCode == (succeeds ? 0 : 1), run.describe().constData());
        message = QString::fromLocal8Bit(run.err);
    } else {
        const elu::WriteResult result = save(format, path, testsupport::eluSpec(1.0));
        QVERIFY2(result.has_value() != succeeds, result ? qPrintable(result->message()) : "");
        if (result)
            message = result->message();
    }
    if (!succeeds) {
        QVERIFY2(message.contains(QDir::toNativeSeparators(path)), qPrintable(message));
        QVERIFY2(message.contains(systemReason(ENOSPC)), qPrintable(message));
    }
    const struct stat status = statusOf(path);
    QVERIFY2(typeOf(status) == S_IFCHR && status.st_rdev == device, "the device was replaced");
    QCOMPARE(entriesOf(dir.path()), QStringList{QStringLiteral("device")});
}

void TestFileFaults::fifoThroughTheBinary_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("json") << QStringLiteral("json");
    QTest::newRow("csv") << QStringLiteral("csv");
}

void TestFileFaults::fifoThroughTheBinary()
{
    // `mkfifo f; cat f & elu-explorer --json f`: the reader gets the file, the FIFO stays.
    QFETCH(QString, format);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("fifo"));
    QVERIFY(::mkfifo(QFile::encodeName(path).constData(), 0600) == 0);
    const QStringList arguments{QStringLiteral("--") + format, path, QStringLiteral("--points"),
                                QStringLiteral("200")};
    FifoReader reader({QStringLiteral("cat"), path});
    const Run run = runInEnglish(arguments);
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    const QByteArray got = reader.finish();
    QCOMPARE(got, referenceOutput({QStringLiteral("--") + format, QStringLiteral("%1"),
                                   QStringLiteral("--points"), QStringLiteral("200")}));
    QCOMPARE(typeOf(statusOf(path)), mode_t(S_IFIFO));
    QCOMPARE(entriesOf(dir.path()), QStringList{QStringLiteral("fifo")});
}

void TestFileFaults::fifoReaderLeavesEarly()
{
    // `elu-explorer --csv f` while `head -c 100 f` reads: exit 1 naming the reason, not death by
    // SIGPIPE, and the FIFO stays.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("fifo"));
    QVERIFY(::mkfifo(QFile::encodeName(path).constData(), 0600) == 0);
    FifoReader reader({QStringLiteral("head"), QStringLiteral("-c"), QStringLiteral("100"), path});
    const Run run = runInEnglish(
        {QStringLiteral("--csv"), path, QStringLiteral("--points"), QStringLiteral("200000")});
    QCOMPARE(reader.finish().size(), 100);
    QVERIFY2(run.exitCode == 1, run.describe().constData());
    QVERIFY2(run.err.contains(QFile::encodeName(path)), run.err.constData());
    QVERIFY2(run.err.contains(std::strerror(EPIPE)), run.err.constData());
    QCOMPARE(typeOf(statusOf(path)), mode_t(S_IFIFO));
}

void TestFileFaults::standardOutput_data()
{
    // The output option's PATH: "-" or /dev/stdout is standard output (here a pipe). "%1" in
    // `reference` is a regular file: standard output must get the same bytes.
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QStringList>("reference");
    const QStringList points{QStringLiteral("--points"), QStringLiteral("300")};
    const QStringList curves{QStringLiteral("--curve"), QStringLiteral("elu:alpha=0.5,1")};
    QTest::newRow("json -") << QStringList{"--json", "-"} + points << 0
                            << QStringList{"--json", "%1"} + points;
    QTest::newRow("csv -") << QStringList{"--csv", "-"} + points << 0
                           << QStringList{"--csv", "%1"} + points;
    QTest::newRow("json /dev/stdout") << QStringList{"--json", "/dev/stdout"} + points << 0
                                      << QStringList{"--json", "%1"} + points;
    QTest::newRow("csv /dev/fd/1")
        << QStringList{"--csv", "/dev/fd/1"} + points << 0 << QStringList{"--csv", "%1"} + points;
    QTest::newRow("svg -") << QStringList{"--svg", "-"} << 0 << QStringList{"--svg", "%1"};
    // One table for several curves is fine; several JSON files are not one stream: refused.
    QTest::newRow("csv -, two curves") << QStringList{"--csv", "-"} + curves + points << 0
                                       << QStringList{"--csv", "%1"} + curves + points;
    QTest::newRow("json -, two curves")
        << QStringList{"--json", "-"} + curves + points << 2 << QStringList();
}

void TestFileFaults::standardOutput()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QStringList, reference);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    RunOptions options;
    options.workingDirectory = dir.path();
    const Run run = runInEnglish(arguments, options);
    QVERIFY2(run.exitCode == exitCode, run.describe().constData());
    if (exitCode == 0) {
        QVERIFY(!reference.isEmpty());
        const QByteArray expected = referenceOutput(reference);
        QVERIFY(!expected.isEmpty());
        QVERIFY2(run.out == expected,
                 qPrintable(QStringLiteral("standard output got %1 of %2 bytes")
                                .arg(run.out.size())
                                .arg(expected.size())));
    } else {
        QVERIFY2(run.out.isEmpty(), run.out.left(200).constData());
        QVERIFY2(run.err.contains("--json"), run.err.constData());
    }
    QCOMPARE(entriesOf(dir.path()), QStringList()); // no file named "-"
}

void TestFileFaults::standardOutputIsAFile_data()
{
    // `elu-explorer --json - > out` and `>> out`: the shell's file gets the text at its
    // descriptor's position; it is not replaced (the shell would never see a new file).
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("format");
    QTest::addColumn<bool>("append");
    const QString dash = QStringLiteral("-"), devStdout = QStringLiteral("/dev/stdout");
    const QString json = QStringLiteral("json"), csv = QStringLiteral("csv");
    QTest::newRow("json - > out") << dash << json << false;
    QTest::newRow("json /dev/stdout > out") << devStdout << json << false;
    QTest::newRow("csv - >> out") << dash << csv << true;
    QTest::newRow("csv /dev/stdout >> out") << devStdout << csv << true;
}

void TestFileFaults::standardOutputIsAFile()
{
    QFETCH(QString, path);
    QFETCH(QString, format);
    QFETCH(bool, append);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString out = dir.filePath(QStringLiteral("out"));
    QVERIFY(writeBytes(out, "head\n"));
    const ino_t inode = statusOf(out).st_ino;
    RunOptions options;
    options.workingDirectory = dir.path();
    options.standardOutputFile = out;
    options.standardOutputMode = append ? QIODevice::Append : QIODevice::Truncate;
    const QStringList points{QStringLiteral("--points"), QStringLiteral("300")};
    const Run run = runInEnglish(QStringList{QStringLiteral("--") + format, path} + points, options);
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    const QByteArray expected =
        referenceOutput(QStringList{QStringLiteral("--") + format, QStringLiteral("%1")} + points);
    QVERIFY(!expected.isEmpty());
    QCOMPARE(statusOf(out).st_ino, inode);
    QCOMPARE(contentsOf(out), (append ? QByteArray("head\n") : QByteArray()) + expected);
    QCOMPARE(entriesOf(dir.path()), QStringList{QStringLiteral("out")});
}

void TestFileFaults::standardOutputIsClosed_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("-") << QStringLiteral("-");
    QTest::newRow("/dev/stdout") << QStringLiteral("/dev/stdout");
}

void TestFileFaults::standardOutputIsClosed()
{
    // `elu-explorer --json - >&-`: the closed descriptor is reported, and nothing is written to
    // a descriptor the program opened later in its place.
    QFETCH(QString, path);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QProcess process;
    process.setProcessEnvironment(testsupport::cLocaleEnvironment());
    process.setWorkingDirectory(dir.path());
    process.start(QStringLiteral("/bin/sh"),
                  {QStringLiteral("-c"), QStringLiteral("exec \"$0\" --json \"$1\" >&-"),
                   QStringLiteral(ELU_EXPLORER_BINARY), path});
    QVERIFY(process.waitForFinished(60'000));
    const QByteArray err = process.readAllStandardError();
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QVERIFY2(process.exitCode() == 1, err.constData());
    QVERIFY2(err.contains(std::strerror(EBADF)), err.constData());
    QCOMPARE(entriesOf(dir.path()), QStringList());
}

void TestFileFaults::skippedFaultIsReported()
{
    // This suite run again with its faults impossible to set up (no `mount` on PATH): it must
    // exit with skippedExitCode, which CTest shows as skipped, and fail outright where
    // ELU_REQUIRE_FAULT_TESTS=1 says the faults must run.
    QTemporaryDir emptyFolder;
    QVERIFY(emptyFolder.isValid());
    for (const bool required : {false, true}) {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("PATH"), emptyFolder.path());
        if (required)
            environment.insert(QStringLiteral("ELU_REQUIRE_FAULT_TESTS"), QStringLiteral("1"));
        else
            environment.remove(QStringLiteral("ELU_REQUIRE_FAULT_TESTS"));
        process.setProcessEnvironment(environment);
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(QFile::symLinkTarget(QStringLiteral("/proc/self/exe")),
                      {QStringLiteral("diskFault:full, json new file")});
        QVERIFY(process.waitForFinished(60'000));
        const QByteArray output = process.readAll();
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        if (required) {
            QVERIFY2(process.exitCode() == 1, output.constData());
            QVERIFY2(output.contains("FAIL!") && output.contains("ELU_REQUIRE_FAULT_TESTS"),
                     output.constData());
        } else {
            QVERIFY2(process.exitCode() == skippedExitCode, output.constData());
            QVERIFY2(output.contains("SKIP"), output.constData());
        }
    }
}

// QTEST_APPLESS_MAIN, but a run in which a fault could not be set up exits with
// skippedExitCode rather than 0 (see SKIP_FAULT).
int main(int argc, char *argv[])
{
    TestFileFaults test;
    QTEST_SET_MAIN_SOURCE_PATH
    const int failures = QTest::qExec(&test, argc, argv);
    if (failures != 0)
        return 1;
    return faultSkipped ? skippedExitCode : 0;
}

#include "tst_filefaults.moc"
