// SPDX-License-Identifier: MIT
// Runs the real elu-explorer binary: exit status, messages and the files it writes.
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using testsupport::ulpBound;
using testsupport::ulpDistance;

namespace {

struct Run
{
    int exitCode = -1; ///< -1 when the process crashed, hung or did not start
    QByteArray out, err;

    QByteArray describe() const { return "exit " + QByteArray::number(exitCode) + ": " + err; }
};

Run runBinary(const QStringList &arguments,
              const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(ELU_EXPLORER_BINARY), arguments);
    Run run;
    // A hang is a failure, not a stuck test run.
    if (!process.waitForFinished(120'000)) {
        process.kill();
        process.waitForFinished();
        run.err = "did not finish: " + process.errorString().toUtf8();
        return run;
    }
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    if (process.exitStatus() == QProcess::NormalExit)
        run.exitCode = process.exitCode();
    return run;
}

QByteArray contentsOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList entriesOf(const QString &folder)
{
    return QDir(folder).entryList(QDir::AllEntries | QDir::Hidden | QDir::System
                                  | QDir::NoDotAndDotDot);
}

// Every sample against the long-double reference, at the contract's ULP bound for α.
bool samplesWithinBound(const QByteArray &json, double alpha, QByteArray &why)
{
    const std::vector<double> xs = testsupport::jsonNumbers(json, "x");
    const std::vector<double> ys = testsupport::jsonNumbers(json, "y");
    const std::vector<double> yps = testsupport::jsonNumbers(json, "yp");
    if (xs.empty() || ys.size() != xs.size() || yps.size() != xs.size()) {
        why = "arrays missing or of different lengths";
        return false;
    }
    for (std::size_t i = 0; i < xs.size(); ++i) {
        const double x = xs[i];
        if (ulpDistance(ys[i], testsupport::referenceValue(x, alpha)) > ulpBound(alpha)
            || ulpDistance(yps[i], testsupport::referenceDerivative(x, alpha)) > ulpBound(alpha)) {
            why = "sample at x = " + QByteArray::number(x, 'g', 17) + " is off";
            return false;
        }
    }
    return true;
}

} // namespace

class TestCommandLine : public QObject
{
    Q_OBJECT

private slots:
    void defaultsReproduceTheArticle();
    void jsonAndCsvInOneRun();
    void parametersAreHonoured_data();
    void parametersAreHonoured();
    void helpListsEveryOption();
    void versionPrintsNameAndVersion();
    void badArgumentsAreRefused_data();
    void badArgumentsAreRefused();
    void unwritablePathIsReported_data();
    void unwritablePathIsReported();
    void runsWithoutADisplay();
};

void TestCommandLine::defaultsReproduceTheArticle()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // The article's path: both parent folders are missing and must be created.
    const QString path = dir.filePath(QStringLiteral("data/activations/elu.json"));
    const Run run = runBinary({QStringLiteral("--json"), path});
    QVERIFY2(run.exitCode == 0, run.describe());
    const QByteArray json = contentsOf(path);

    const std::vector<double> xs = testsupport::jsonNumbers(json, "x");
    QCOMPARE(xs.size(), std::size_t(1000));
    QCOMPARE(xs.front(), -2.0);
    QCOMPARE(xs.back(), 2.0);
    QByteArray why;
    QVERIFY2(samplesWithinBound(json, 1.0, why), why);

    // A reader written for the article's file uses a JSON library and the keys x, y, yp.
    QJsonParseError error;
    const QJsonObject object = QJsonDocument::fromJson(json, &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    for (const char *key : {"x", "y", "yp"})
        QCOMPARE(object.value(QLatin1String(key)).toArray().size(), 1000);
    QCOMPARE(object.value(QStringLiteral("alpha")).toDouble(), 1.0);
    QCOMPARE(object.value(QStringLiteral("xmin")).toDouble(), -2.0);
    QCOMPARE(object.value(QStringLiteral("xmax")).toDouble(), 2.0);
    QCOMPARE(object.value(QStringLiteral("points")).toInteger(), 1000);
}

void TestCommandLine::jsonAndCsvInOneRun()
{
    QTemporaryDir dir;
    const QString json = dir.filePath(QStringLiteral("elu.json"));
    const QString csv = dir.filePath(QStringLiteral("elu.csv"));
    const Run run = runBinary({QStringLiteral("--json"), json, QStringLiteral("--csv"), csv,
                               QStringLiteral("--alpha"), QStringLiteral("0.5"),
                               QStringLiteral("--points"), QStringLiteral("37")});
    QVERIFY2(run.exitCode == 0, run.describe());
    const QList<QByteArray> lines = contentsOf(csv).split('\n');
    QCOMPARE(lines.constFirst(), QByteArray("x,y,yp"));
    QCOMPARE(lines.size(), 1 + 37 + 1); // header, rows, nothing after the last newline
    QVERIFY(lines.constLast().isEmpty());
    // Both files hold the same samples, from xmin to xmax.
    const std::vector<double> xs = testsupport::jsonNumbers(contentsOf(json), "x");
    const std::vector<double> yps = testsupport::jsonNumbers(contentsOf(json), "yp");
    QCOMPARE(xs.size(), std::size_t(37));
    QCOMPARE(xs.front(), -2.0);
    QCOMPARE(xs.back(), 2.0);
    for (std::size_t i = 0; i < xs.size(); ++i) {
        const QList<QByteArray> fields = lines[qsizetype(i) + 1].split(',');
        QCOMPARE(fields.size(), 3);
        QCOMPARE(testsupport::parseNumber(fields[0]), xs[i]);
        QCOMPARE(testsupport::parseNumber(fields[2]), yps[i]);
    }
}

void TestCommandLine::parametersAreHonoured_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<double>("alpha");
    QTest::addColumn<double>("xmin");
    QTest::addColumn<double>("xmax");
    QTest::addColumn<qint64>("points");
    QTest::newRow("all four") << QStringList{"--alpha", "0.5", "--xmin",   "-3",
                                             "--xmax",  "1.5", "--points", "7"}
                              << 0.5 << -3.0 << 1.5 << qint64(7);
    QTest::newRow("relu, two points")
        << QStringList{"--alpha", "0", "--xmin", "-1", "--xmax", "1", "--points", "2"} << 0.0
        << -1.0 << 1.0 << qint64(2);
    QTest::newRow("largest alpha, tiny range")
        << QStringList{"--alpha", "100", "--xmin", "-1e-9", "--xmax", "1e-9", "--points", "11"}
        << 100.0 << -1e-9 << 1e-9 << qint64(11);
    QTest::newRow("selu alpha, = form")
        << QStringList{"--alpha=1.6732632423543772", "--xmin=-5", "--xmax=3", "--points=777"}
        << 1.6732632423543772 << -5.0 << 3.0 << qint64(777);
    QTest::newRow("only points") << QStringList{"--points", "5"} << 1.0 << -2.0 << 2.0 << qint64(5);
}

void TestCommandLine::parametersAreHonoured()
{
    QFETCH(QStringList, arguments);
    QFETCH(double, alpha);
    QFETCH(double, xmin);
    QFETCH(double, xmax);
    QFETCH(qint64, points);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("elu.json"));
    const Run run = runBinary(arguments + QStringList{QStringLiteral("--json"), path});
    QVERIFY2(run.exitCode == 0, run.describe());
    const QByteArray json = contentsOf(path);
    const QJsonObject object = QJsonDocument::fromJson(json).object();
    QCOMPARE(object.value(QStringLiteral("alpha")).toDouble(), alpha);
    QCOMPARE(object.value(QStringLiteral("xmin")).toDouble(), xmin);
    QCOMPARE(object.value(QStringLiteral("xmax")).toDouble(), xmax);
    QCOMPARE(object.value(QStringLiteral("points")).toInteger(), points);
    const std::vector<double> xs = testsupport::jsonNumbers(json, "x");
    QCOMPARE(qint64(xs.size()), points);
    QCOMPARE(xs.front(), xmin);
    QCOMPARE(xs.back(), xmax);
    QByteArray why;
    QVERIFY2(samplesWithinBound(json, alpha, why), why);
}

void TestCommandLine::helpListsEveryOption()
{
    const Run run = runBinary({QStringLiteral("--help")});
    QVERIFY2(run.exitCode == 0, run.describe());
    for (const char *option :
         {"--alpha", "--xmin", "--xmax", "--points", "--json", "--csv", "--png", "--svg", "--pdf",
          "--width", "--height", "--scale", "--theme", "--screenshot", "--help", "--version"})
        QVERIFY2(run.out.contains(option), option);
}

void TestCommandLine::versionPrintsNameAndVersion()
{
    const Run run = runBinary({QStringLiteral("--version")});
    QVERIFY2(run.exitCode == 0, run.describe());
    static const QRegularExpression line(QStringLiteral(R"(^elu-explorer \d+\.\d+(\.\d+)?\S*\n$)"));
    QVERIFY2(line.match(QString::fromUtf8(run.out)).hasMatch(), run.out);
}

void TestCommandLine::badArgumentsAreRefused_data()
{
    // The option named first is the one the message must name; `accepted` is a distinctive part
    // of what is accepted, from PRODUCT.md and --help.
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("accepted");
    const QString alphaRange = QStringLiteral("from 0 to 100");
    const QString pointsRange = QStringLiteral("from 2 to 10000000");
    const QString sideRange = QStringLiteral("from 200 to 10000");
    const QString scaleRange = QStringLiteral("from 0.5 to 8");
    const QString finite = QStringLiteral("finite");
    const QString ordered = QStringLiteral("less than");
    QTest::newRow("alpha nan") << QStringList{"--alpha", "nan"} << alphaRange;
    QTest::newRow("alpha inf") << QStringList{"--alpha", "inf"} << alphaRange;
    QTest::newRow("alpha -1") << QStringList{"--alpha", "-1"} << alphaRange;
    QTest::newRow("alpha 101") << QStringList{"--alpha", "101"} << alphaRange;
    QTest::newRow("alpha abc") << QStringList{"--alpha", "abc"} << alphaRange;
    QTest::newRow("alpha empty") << QStringList{"--alpha", ""} << alphaRange;
    QTest::newRow("xmin > xmax") << QStringList{"--xmin", "2", "--xmax", "1"} << ordered;
    QTest::newRow("xmin == xmax") << QStringList{"--xmin", "1", "--xmax", "1"} << ordered;
    QTest::newRow("xmin nan") << QStringList{"--xmin", "nan"} << finite;
    QTest::newRow("xmax inf") << QStringList{"--xmax", "inf"} << finite;
    QTest::newRow("xmin abc") << QStringList{"--xmin", "abc"} << finite;
    QTest::newRow("points 0") << QStringList{"--points", "0"} << pointsRange;
    QTest::newRow("points 1") << QStringList{"--points", "1"} << pointsRange;
    QTest::newRow("points -5") << QStringList{"--points", "-5"} << pointsRange;
    QTest::newRow("points 3.5") << QStringList{"--points", "3.5"} << pointsRange;
    QTest::newRow("points abc") << QStringList{"--points", "abc"} << pointsRange;
    QTest::newRow("points 10000001") << QStringList{"--points", "10000001"} << pointsRange;
    QTest::newRow("points 1e12") << QStringList{"--points", "1e12"} << pointsRange;
    QTest::newRow("unknown option") << QStringList{"--bogus"} << QString();
    QTest::newRow("missing value") << QStringList{"--alpha"} << QStringLiteral("a value is missing: The article's single ELU curve with this α, 0 to 100");
    QTest::newRow("width 10") << QStringList{"--width", "10"} << sideRange;
    QTest::newRow("width abc") << QStringList{"--width", "abc"} << sideRange;
    QTest::newRow("height 20000") << QStringList{"--height", "20000"} << sideRange;
    QTest::newRow("scale 0") << QStringList{"--scale", "0"} << scaleRange;
    QTest::newRow("scale 100") << QStringList{"--scale", "100"} << scaleRange;
    QTest::newRow("scale nan") << QStringList{"--scale", "nan"} << scaleRange;
    QTest::newRow("theme purple") << QStringList{"--theme", "purple"}
                                  << QStringLiteral("light, dark");
}

void TestCommandLine::badArgumentsAreRefused()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, accepted);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // A missing folder on the path, so that creating folders counts as writing too. The path
    // comes first so that a trailing --alpha really is the last argument.
    const QString path = dir.filePath(QStringLiteral("data/out.json"));
    const Run run = runBinary(QStringList{QStringLiteral("--json"), path} + arguments);
    QVERIFY2(run.exitCode == 2, run.describe());
    QVERIFY2(entriesOf(dir.path()).isEmpty(), qPrintable(entriesOf(dir.path()).join(", ")));
    QVERIFY2(run.out.isEmpty(), run.out);

    // One line that says what is wrong, then the hint.
    const QStringList lines = QString::fromUtf8(run.err).split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 3);
    QVERIFY(lines[2].isEmpty());
    QCOMPARE(lines[1], QStringLiteral("Try 'elu-explorer --help'."));
    const QString message = lines[0];
    QVERIFY2(message.contains(arguments.constFirst()), qPrintable(message));
    QVERIFY2(message.contains(accepted), qPrintable(message));
    // Every value given is quoted back, as 'value' or as "xmin = value".
    for (const QString &value : arguments) {
        if (!value.startsWith(QLatin1String("--")) && !value.isEmpty())
            QVERIFY2(message.contains(QLatin1Char('\'') + value + QLatin1Char('\''))
                         || message.contains(QStringLiteral("= ") + value),
                     qPrintable(message));
    }
}

void TestCommandLine::unwritablePathIsReported_data()
{
    // What already stands at "thing", and where the file goes; `reason` must be in the message.
    QTest::addColumn<bool>("thingIsFolder");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("reason");
    QTest::newRow("parent is a file")
        << false << QStringLiteral("thing/elu.json") << QStringLiteral("not a folder");
    QTest::newRow("target is a folder") << true << QStringLiteral("thing") << QString();
}

void TestCommandLine::unwritablePathIsReported()
{
    QFETCH(bool, thingIsFolder);
    QFETCH(QString, target);
    QFETCH(QString, reason);
    QTemporaryDir dir;
    const QString thing = dir.filePath(QStringLiteral("thing"));
    QFile file(thing);
    QVERIFY(thingIsFolder ? QDir().mkdir(thing)
                          : file.open(QIODevice::WriteOnly) && file.write("kept") == 4);
    file.close();
    const QString path = dir.filePath(target);
    const Run run = runBinary({QStringLiteral("--json"), path});
    QVERIFY2(run.exitCode == 1, run.describe());
    // "elu-explorer: cannot write PATH: reason", one line, not the bad-argument hint.
    const QString err = QString::fromUtf8(run.err).trimmed();
    const QString named = QDir::toNativeSeparators(path) + QStringLiteral(": ");
    QVERIFY2(err.contains(named), run.err);
    QVERIFY2(!err.section(named, 1).trimmed().isEmpty(), run.err);
    QVERIFY2(err.section(named, 1).contains(reason), run.err);
    QVERIFY2(!err.contains(QLatin1Char('\n')), run.err);
    QCOMPARE(entriesOf(dir.path()), QStringList{QStringLiteral("thing")});
    if (thingIsFolder)
        QVERIFY(QFileInfo(thing).isDir() && entriesOf(thing).isEmpty());
    else
        QCOMPARE(contentsOf(thing), QByteArray("kept"));
}

void TestCommandLine::runsWithoutADisplay()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        environment.remove(QString::fromLatin1(name));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("elu.json"));
    const Run run = runBinary({QStringLiteral("--json"), path}, environment);
    QVERIFY2(run.exitCode == 0, run.describe());
    QCOMPARE(testsupport::jsonNumbers(contentsOf(path), "yp").size(), std::size_t(1000));
}

QTEST_APPLESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
