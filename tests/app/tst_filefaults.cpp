// SPDX-License-Identifier: MIT
// File faults: a parent that is a file, a full disk, a read-only disk and a device that fails
// mid-write. A failed write must name the path and the system's reason, leave an existing
// target byte for byte as it was and leave no temporary file behind.
#include "testsupport.h"
#include "datawriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <limits>

namespace {

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
            QSKIP((mount).whyNot().constData());                                                   \
    } while (false)

// Bytes no writer would produce, so "unchanged" cannot pass by coincidence.
QByteArray knownBytes(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = char((i * 131 + 7) & 0xff);
    return bytes;
}

bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.flush();
}

QByteArray contentsOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
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

QStringList entriesOf(const QString &folder)
{
    // Sorted by name, hidden files included.
    return QDir(folder).entryList(QDir::AllEntries | QDir::Hidden | QDir::System
                                  | QDir::NoDotAndDotDot);
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

class TestFileFaults : public QObject
{
    Q_OBJECT

private slots:
    void parentIsAFile_data();
    void parentIsAFile();
    void diskFault_data();
    void diskFault();
    void failingDeviceStopsTheWriter_data();
    void failingDeviceStopsTheWriter();
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
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        // The system's words in English, as systemReason() gives them here.
        environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(ELU_EXPLORER_BINARY),
                      {QStringLiteral("--") + format, path, QStringLiteral("--points"),
                       QString::number(points)});
        QVERIFY(process.waitForFinished(120'000));
        message = QString::fromLocal8Bit(process.readAllStandardError());
        QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 1,
                 qPrintable(message));
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

QTEST_APPLESS_MAIN(TestFileFaults)
#include "tst_filefaults.moc"
