// SPDX-License-Identifier: MIT
// --animate's refusals through the real binary (exit 2, the option named, nothing written, an
// existing target untouched) and SIGTERM cancelling a run (exit 1, the old file kept).
#include "filesupport.h"
#include "processsupport.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

using testsupport::contentsOf;
using testsupport::entriesOf;
using testsupport::knownBytes;
using testsupport::Run;
using testsupport::writeBytes;

// Runs elu-explorer in `folder` (relative paths land there), with the C locale's words.
Run runBinary(const QStringList &arguments, const QString &folder = {})
{
    testsupport::RunOptions options;
    options.workingDirectory = folder;
    options.environment = testsupport::cLocaleEnvironment();
    return testsupport::runBinary(arguments, options);
}

} // namespace

class TestAnimationRefusals : public QObject
{
    Q_OBJECT

private slots:
    void refusals_data();
    void refusals();
    void sigtermCancels();
    void framesOfExactly20MsAreAccepted();
};

void TestAnimationRefusals::refusals_data()
{
    // Each refused with exit status 2, a message naming the option and what it accepts, and no
    // file written: neither target, nor anything else.
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("mentions");
    const QStringList curves{"--curve", "relu", "--curve", "elu"};
    const QStringList animate{"--animate", "alpha=0.1:3"};
    const QStringList files{"--gif", "a.gif", "--webp", "a.webp"};
    const QStringList sweep = curves + animate + files;
    const QStringList frames{"--frames", "from 2 to 1000"};
    QTest::newRow("frames 0") << sweep + QStringList{"--frames", "0"} << frames;
    QTest::newRow("frames 1e9") << sweep + QStringList{"--frames", "1e9"} << frames;
    QTest::newRow("frames 1.5") << sweep + QStringList{"--frames", "1.5"} << frames;
    QTest::newRow("frames 1001") << sweep + QStringList{"--frames", "1001"} << frames;
    QTest::newRow("duration 0") << sweep + QStringList{"--duration", "0"}
                                << QStringList{"--duration", "0.1 to 600 seconds"};
    QTest::newRow("FROM = TO") << curves + QStringList{"--animate", "alpha=1:1"} + files
                               << QStringList{"--animate", "'alpha=1:1'", "must differ"};
    QTest::newRow("TO beyond ELU's range")
        << curves + QStringList{"--animate", "alpha=0.1:101"} + files
        << QStringList{"--animate", "alpha takes", "0 to 100"};
    QTest::newRow("keyword on no curve")
        << QStringList{"--curve", "relu"} + animate + files
        << QStringList{"--animate", "no curve has the parameter alpha", "1 (relu)"};
    QTest::newRow("keyword on several curves")
        << QStringList{"--curve", "elu", "--curve", "celu"} + animate + files
        << QStringList{"--animate", "1 (elu)", "2 (celu)"};
    QTest::newRow("gif without animate") << curves + QStringList{"--gif", "a.gif"}
                                         << QStringList{"--gif", "--animate KEYWORD=FROM:TO"};
    QTest::newRow("webp without animate") << curves + QStringList{"--webp", "a.webp"}
                                          << QStringList{"--webp", "--animate KEYWORD=FROM:TO"};
    // With a PNG to write, so that a missed refusal writes a file instead of opening the window.
    QTest::newRow("frames without animate")
        << curves + QStringList{"--png", "a.png", "--frames", "30"}
        << QStringList{"--frames", "--animate KEYWORD=FROM:TO"};
    QTest::newRow("bounce without animate") << curves + QStringList{"--png", "a.png", "--bounce"}
                                            << QStringList{"--bounce", "--animate KEYWORD=FROM:TO"};
    QTest::newRow("animate without gif or webp")
        << curves + animate + QStringList{"--png", "a.png"}
        << QStringList{"--animate", "--gif PATH", "--webp PATH"};
    QTest::newRow("transparent gif")
        << sweep + QStringList{"--theme", "transparent"}
        << QStringList{"--theme", "'transparent'", "light or dark theme, or WebP"};
    QTest::newRow("frames under 20 ms")
        << sweep + QStringList{"--frames", "200", "--duration", "1"}
        << QStringList{"--frames/--duration", "20 ms", "at most 50 frames"};
    QTest::newRow("webp frames under 20 ms")
        << curves + animate + QStringList{"--webp", "a.webp", "--frames", "1000", "--duration",
                                          "10"}
        << QStringList{"--frames/--duration", "20 ms", "at most 500 frames"};
    QTest::newRow("a side over WebP's 16383")
        << curves + animate + QStringList{"--webp", "a.webp", "--width", "10000", "--height",
                                          "200", "--scale", "1.7"}
        << QStringList{"--width/--height/--scale", "16383"};
    QTest::newRow("gif named .webp")
        << curves + animate + QStringList{"--gif", "a.webp"}
        << QStringList{"--gif", "'a.webp'", "ends in .webp"};
    QTest::newRow("webp named .GIF")
        << curves + animate + QStringList{"--webp", "a.GIF"}
        << QStringList{"--webp", "'a.GIF'", "ends in .gif"};
    QTest::newRow("unknown keyword")
        << curves + QStringList{"--animate", "ALPHA=0.1:3"} + files
        << QStringList{"--animate", "no curve has the parameter ALPHA", "2 (elu: alpha)"};
    QTest::newRow("ends a ULP apart")
        << curves + QStringList{"--animate", "alpha=1:1.0000000000000002"} + files
        << QStringList{"--animate", "must differ"};
    QTest::newRow("frame pixel budget")
        << sweep + QStringList{"--width", "5000", "--height", "5000", "--scale", "1"}
        << QStringList{"--width/--height/--scale", "3840 × 2160"};
    // The window names the curve (--animate-curve); sweeping ELU α = 2 through the other's 1.
    QTest::newRow("a frame duplicating a curve")
        << QStringList{"--curve", "elu:alpha=1,2", "--animate", "alpha=0:2", "--frames", "3",
                       "--animate-curve", "2"} + files
        << QStringList{"--animate", "at alpha = 1"};
    QTest::newRow("same file twice")
        << curves + animate + QStringList{"--gif", "sweep", "--webp", "sweep"}
        << QStringList{"--gif 'sweep'", "--webp 'sweep'", "same file"};
}

void TestAnimationRefusals::refusals()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, mentions);
    // The targets: what follows --gif, --webp and --png.
    QStringList targets;
    for (qsizetype i = 0; i + 1 < arguments.size(); ++i) {
        if (QStringList{"--gif", "--webp", "--png"}.contains(arguments[i])
            && !targets.contains(arguments[i + 1]))
            targets << arguments[i + 1];
    }
    targets.sort();
    QVERIFY(!targets.isEmpty());
    // Into an empty folder, then over existing files, which must stay as they were.
    for (const bool existing : {false, true}) {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        if (existing) {
            for (const QString &target : targets)
                QVERIFY(writeBytes(dir.filePath(target), knownBytes(4096)));
        }
        const Run run = runBinary(arguments, dir.path());
        QVERIFY2(run.exitCode == 2, run.describe().constData());
        const QString err = QString::fromUtf8(run.err);
        for (const QString &mention : mentions)
            QVERIFY2(err.contains(mention),
                     qPrintable(QStringLiteral("'%1' not in: %2").arg(mention, err)));
        QCOMPARE(entriesOf(dir.path()), existing ? targets : QStringList());
        for (const QString &target : std::as_const(targets)) {
            if (existing)
                QVERIFY2(contentsOf(dir.filePath(target)) == knownBytes(4096), qPrintable(target));
        }
    }
}

void TestAnimationRefusals::sigtermCancels()
{
    // The window cancels its headless renderer with SIGTERM: the run stops after the frame it is
    // drawing, exits with status 1 saying "cancelled", and leaves the old file as it was and no
    // temporary file behind.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString target = dir.filePath(QStringLiteral("big.webp"));
    QVERIFY(writeBytes(target, knownBytes(64 * 1024)));
    QProcess process;
    process.setProcessEnvironment(testsupport::cLocaleEnvironment());
    process.setWorkingDirectory(dir.path());
    process.start(QStringLiteral(ELU_EXPLORER_BINARY),
                  {"--curve", "relu", "--curve", "elu", "--animate", "alpha=0.1:3", "--frames",
                   "1000", "--duration", "60", "--width", "1600", "--height", "1200", "--webp",
                   "big.webp", "--progress"});
    QVERIFY2(process.waitForStarted(), qPrintable(process.errorString()));
    QByteArray err;
    QDeadlineTimer deadline(60'000);
    while (!err.contains("progress ") && process.state() == QProcess::Running
           && !deadline.hasExpired()) {
        process.waitForReadyRead(1000);
        err += process.readAllStandardError();
    }
    QVERIFY2(err.startsWith("progress 1 1000\n"), err.constData());
    process.terminate(); // SIGTERM
    const bool finished = process.waitForFinished(60'000);
    if (!finished)
        process.kill();
    QVERIFY2(finished, "did not stop after SIGTERM");
    err += process.readAllStandardError();
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QVERIFY2(process.exitCode() == 1, err.constData());
    QVERIFY2(err.contains("cancelled"), err.constData());
    QVERIFY2(!err.contains("progress 1000 1000"), err.constData());
    QCOMPARE(contentsOf(target), knownBytes(64 * 1024));
    QCOMPARE(entriesOf(dir.path()), QStringList{QStringLiteral("big.webp")});
}

// The limit itself is allowed: 50 frames in 1 s, 20 ms each, in both formats.
void TestAnimationRefusals::framesOfExactly20MsAreAccepted()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Run run = runBinary({"--curve", "elu", "--animate", "alpha=0.5:2", "--frames", "50",
                               "--duration", "1", "--width", "200", "--height", "200", "--gif",
                               "a.gif", "--webp", "a.webp"},
                              dir.path());
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    QCOMPARE(entriesOf(dir.path()), (QStringList{"a.gif", "a.webp"}));
}

QTEST_MAIN(TestAnimationRefusals)
#include "tst_animationrefusals.moc"
