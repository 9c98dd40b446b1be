// SPDX-License-Identifier: MIT
// Runs the real elu-explorer binary: exit status, messages and the files it writes.
#include "sessionfile.h"
#include "filesupport.h"
#include "processsupport.h"
#include "testsupport.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <utility>

using testsupport::contentsOf;
using testsupport::entriesOf;
using testsupport::Run;
using testsupport::ulpBound;
using testsupport::ulpDistance;

namespace {

Run runBinary(const QStringList &arguments,
              const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    testsupport::RunOptions options;
    options.environment = environment;
    return testsupport::runBinary(arguments, options);
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

// A JSON file as the article's reader sees it, plus its text for exact numbers.
struct ArticleFile
{
    QByteArray text;
    QJsonObject object;
    std::vector<double> xs, ys, yps;
};

ArticleFile readArticleFile(const QString &path)
{
    ArticleFile file;
    file.text = contentsOf(path);
    file.object = QJsonDocument::fromJson(file.text).object();
    file.xs = testsupport::jsonNumbers(file.text, "x");
    file.ys = testsupport::jsonNumbers(file.text, "y");
    file.yps = testsupport::jsonNumbers(file.text, "yp");
    return file;
}

// The metadata of docs/contract.md's article JSON: activation id, the parameter under its keyword
// (none when `keyword` is empty) and nothing else besides the range, points and generator.
bool hasArticleMetadata(const ArticleFile &file, const QString &activation, const QString &keyword,
                        double parameter, qint64 points, QByteArray &why)
{
    QStringList expected{"activation", "generator", "points", "x", "xmax", "xmin", "y", "yp"};
    if (!keyword.isEmpty())
        expected << keyword;
    expected.sort();
    QStringList keys = file.object.keys();
    keys.sort();
    if (keys != expected) {
        why = "keys " + keys.join(QLatin1Char(',')).toUtf8();
        return false;
    }
    const QJsonObject &o = file.object;
    if (o.value(QStringLiteral("activation")).toString() != activation
        || (!keyword.isEmpty() && !(o.value(keyword).toDouble() == parameter))
        || o.value(QStringLiteral("xmin")).toDouble() != -2.0
        || o.value(QStringLiteral("xmax")).toDouble() != 2.0
        || o.value(QStringLiteral("points")).toInteger() != points
        || !o.value(QStringLiteral("generator")).toString().startsWith(QStringLiteral("elu-explorer "))) {
        QJsonObject metadata = o;
        for (const char *array : {"x", "y", "yp"})
            metadata.remove(QLatin1String(array));
        why = "metadata " + QJsonDocument(metadata).toJson(QJsonDocument::Compact);
        return false;
    }
    if (qint64(file.xs.size()) != points || qint64(file.ys.size()) != points
        || qint64(file.yps.size()) != points) {
        why = "arrays not of " + QByteArray::number(points) + " numbers";
        return false;
    }
    if (file.xs.front() != -2.0 || file.xs.back() != 2.0) {
        why = "x does not run from -2 to 2";
        return false;
    }
    return true;
}

QByteArray sampleMessage(const char *what, double x, double actual, double expected)
{
    return QByteArray(what) + " at x = " + QByteArray::number(x, 'g', 17) + ": "
           + QByteArray::number(actual, 'g', 17) + ", expected "
           + QByteArray::number(expected, 'g', 17);
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

    // The activation catalogue: --curve, --list-activations, several-curve exports.
    void curvesToAFolderAsTheArticleSeries();
    void familyToOneCsvTable();
    void familyToAFolder();
    void oneCurveToAFolder();
    void oneCurveToAFile();
    void existingFolderWithoutSlash();
    void alphaAloneIsTheSingleEluCurve();
    void curveArgumentsAreRefused_data();
    void curveArgumentsAreRefused();
    void listActivations();

    // Sessions: --session, --save-session, --layout, a session file named alone.
    void savedSessionReproducesTheData();
    void savedSessionHoldsTheOptions();
    void optionsOverrideTheSession();
    void sessionFileNamedAlone();
    void badSessionIsRefused_data();
    void badSessionIsRefused();
    void sessionOpensTheWindow();
    void figuresDrawWhatTheSessionShows();

    // Statistics under Gaussian input: --stats, --mu, --sigma.
    void statsToStandardOutput();
    void statsInputFromTheSession();
    void statsRefusalWritesNothing();
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
         {"--curve", "--list-activations", "--alpha", "--xmin", "--xmax", "--points", "--json", "--csv", "--png", "--svg", "--pdf",
          "--width", "--height", "--scale", "--theme", "--screenshot", "--help", "--version",
          "--session", "--save-session", "--layout", "--stats", "--mu", "--sigma"})
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
    // of what is accepted, from docs/contract.md and --help.
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
    QTest::newRow("layout sideways")
        << QStringList{"--layout", "sideways"} << QStringLiteral("overlaid, stacked");
    QTest::newRow("save-session empty")
        << QStringList{"--save-session", ""} << QStringLiteral("a file path is required");
    const QString muRange = QStringLiteral("from -10 to 10");
    const QString sigmaRange = QStringLiteral("from 0.001 to 10");
    QTest::newRow("mu 11") << QStringList{"--mu", "11"} << muRange;
    QTest::newRow("mu inf") << QStringList{"--mu", "inf"} << muRange;
    QTest::newRow("mu abc") << QStringList{"--mu", "abc"} << muRange;
    QTest::newRow("sigma 0") << QStringList{"--sigma", "0"} << sigmaRange;
    QTest::newRow("sigma -1") << QStringList{"--sigma", "-1"} << sigmaRange;
    QTest::newRow("sigma nan") << QStringList{"--sigma", "nan"} << sigmaRange;
    QTest::newRow("sigma 11") << QStringList{"--sigma", "11"} << sigmaRange;
    QTest::newRow("stats empty") << QStringList{"--stats", ""}
                                 << QStringLiteral("a file path is required");
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
    // An existing folder is no failure: it gets elu.json (oneCurveToAFolder).
    QTest::newRow("target's parent folder is a file")
        << false << QStringLiteral("thing/sub/elu.json") << QStringLiteral("not a folder");
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

void TestCommandLine::curvesToAFolderAsTheArticleSeries()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // The README's worked example: data/activations/ does not exist yet.
    const QString folder = dir.filePath(QStringLiteral("data/activations/"));
    const Run run = runBinary({"--curve", "relu", "--curve", "leaky_relu", "--curve", "elu",
                               "--json", folder});
    QVERIFY2(run.exitCode == 0, run.describe());
    QVERIFY2(run.err.isEmpty(), run.err);
    QCOMPARE(entriesOf(folder),
             (QStringList{"elu.json", "leaky_relu.json", "relu.json"})); // nothing else
    QByteArray why;

    const ArticleFile relu = readArticleFile(folder + QStringLiteral("relu.json"));
    QVERIFY2(hasArticleMetadata(relu, "relu", QString(), 0.0, 1000, why), why);
    for (std::size_t i = 0; i < relu.xs.size(); ++i) {
        const double x = relu.xs[i];
        const double y = std::max(0.0, x), yp = x > 0 ? 1.0 : 0.0; // relu′(0) = 0 (PyTorch)
        QVERIFY2(relu.ys[i] == y, sampleMessage("relu y", x, relu.ys[i], y));
        QVERIFY2(relu.yps[i] == yp, sampleMessage("relu yp", x, relu.yps[i], yp));
    }

    const ArticleFile leaky = readArticleFile(folder + QStringLiteral("leaky_relu.json"));
    QVERIFY2(hasArticleMetadata(leaky, "leaky_relu", "negative_slope", 0.01, 1000, why), why);
    QCOMPARE(leaky.object.value(QStringLiteral("negative_slope")).toDouble(), 0.01);
    QVERIFY2(leaky.text.contains("\"negative_slope\": 0.01,"), leaky.text.left(200));
    for (std::size_t i = 0; i < leaky.xs.size(); ++i) {
        const double x = leaky.xs[i];
        const double y = x > 0 ? x : 0.01 * x, yp = x > 0 ? 1.0 : 0.01;
        QVERIFY2(leaky.ys[i] == y, sampleMessage("leaky_relu y", x, leaky.ys[i], y));
        QVERIFY2(leaky.yps[i] == yp, sampleMessage("leaky_relu yp", x, leaky.yps[i], yp));
    }

    const ArticleFile elu = readArticleFile(folder + QStringLiteral("elu.json"));
    QVERIFY2(hasArticleMetadata(elu, "elu", "alpha", 1.0, 1000, why), why);
    QVERIFY2(samplesWithinBound(elu.text, 1.0, why), why);

    // One grid for the three files.
    QVERIFY(relu.xs == leaky.xs && leaky.xs == elu.xs);
}

void TestCommandLine::familyToOneCsvTable()
{
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("fam.csv"));
    const Run run = runBinary({"--curve", "elu:alpha=0.5,1,2", "--csv", csv});
    QVERIFY2(run.exitCode == 0, run.describe());
    QCOMPARE(entriesOf(dir.path()), QStringList{QStringLiteral("fam.csv")});
    const QList<QByteArray> lines = contentsOf(csv).split('\n');
    QCOMPARE(lines.constFirst(),
             QByteArray("x,elu-alpha-0.5.y,elu-alpha-0.5.yp,elu-alpha-1.y,elu-alpha-1.yp,"
                        "elu-alpha-2.y,elu-alpha-2.yp"));
    QCOMPARE(lines.size(), 1 + 1000 + 1); // header, rows, nothing after the last newline
    QVERIFY(lines.constLast().isEmpty());
    const double alphas[] = {0.5, 1.0, 2.0};
    for (qsizetype row = 1; row <= 1000; ++row) {
        const QList<QByteArray> fields = lines[row].split(',');
        QCOMPARE(fields.size(), 7);
        const double x = testsupport::parseNumber(fields[0]);
        if (row == 1)
            QCOMPARE(x, -2.0);
        if (row == 1000)
            QCOMPARE(x, 2.0);
        for (int c = 0; c < 3; ++c) {
            const double alpha = alphas[c];
            const double y = testsupport::parseNumber(fields[1 + 2 * c]);
            const double yp = testsupport::parseNumber(fields[2 + 2 * c]);
            const double yRef = testsupport::referenceValue(x, alpha);
            const double ypRef = testsupport::referenceDerivative(x, alpha);
            QVERIFY2(ulpDistance(y, yRef) <= ulpBound(alpha),
                     sampleMessage("y", x, y, yRef) + " at alpha " + QByteArray::number(alpha));
            QVERIFY2(ulpDistance(yp, ypRef) <= ulpBound(alpha),
                     sampleMessage("yp", x, yp, ypRef) + " at alpha " + QByteArray::number(alpha));
        }
    }
}

void TestCommandLine::familyToAFolder()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("family/"));
    const Run run = runBinary({"--curve", "elu:alpha=0.5,1,2", "--json", folder});
    QVERIFY2(run.exitCode == 0, run.describe());
    QCOMPARE(entriesOf(folder),
             (QStringList{"elu-alpha-0.5.json", "elu-alpha-1.json", "elu-alpha-2.json"}));
    for (const auto &[file, alpha] : {std::pair{"elu-alpha-0.5.json", 0.5},
                                      std::pair{"elu-alpha-1.json", 1.0},
                                      std::pair{"elu-alpha-2.json", 2.0}}) {
        const ArticleFile json = readArticleFile(folder + QLatin1String(file));
        QByteArray why;
        QVERIFY2(hasArticleMetadata(json, "elu", "alpha", alpha, 1000, why), file + (": " + why));
        QVERIFY2(samplesWithinBound(json.text, alpha, why), file + (": " + why));
    }
}

void TestCommandLine::oneCurveToAFolder()
{
    // A path ending in '/' names a folder even for one curve: the file takes the curve's name.
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("series/"));
    const Run run = runBinary({"--curve", "relu", "--json", folder});
    QVERIFY2(run.exitCode == 0, run.describe());
    QCOMPARE(entriesOf(folder), QStringList{QStringLiteral("relu.json")});
    const ArticleFile json = readArticleFile(folder + QStringLiteral("relu.json"));
    QByteArray why;
    QVERIFY2(hasArticleMetadata(json, "relu", QString(), 0.0, 1000, why), why);

    // An existing folder, named without the '/', likewise.
    const Run again = runBinary({"--curve", "elu", "--json", dir.path()});
    QVERIFY2(again.exitCode == 0, again.describe());
    QVERIFY(QFileInfo(dir.filePath(QStringLiteral("elu.json"))).isFile());
}

void TestCommandLine::oneCurveToAFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("f.json"));
    const Run run = runBinary({"--curve", "softplus:beta=2", "--json", path, "--points", "11"});
    QVERIFY2(run.exitCode == 0, run.describe());
    QVERIFY(QFileInfo(path).isFile());
    QCOMPARE(entriesOf(dir.path()), QStringList{QStringLiteral("f.json")});
    const ArticleFile json = readArticleFile(path);
    QByteArray why;
    QVERIFY2(hasArticleMetadata(json, "softplus", "beta", 2.0, 11, why), why);
    QVERIFY2(json.text.contains("\"beta\": 2,"), json.text.left(200));
    // At x = 0 softplus is log(2)/β and its derivative σ(0) = 1/2, whatever β.
    QCOMPARE(json.xs[5], 0.0);
    QVERIFY2(ulpDistance(json.ys[5], 0.34657359027997264) <= 2, // log(2)/2
             sampleMessage("y", 0.0, json.ys[5], 0.34657359027997264));
    QCOMPARE(json.yps[5], 0.5);
}

void TestCommandLine::existingFolderWithoutSlash()
{
    // An existing folder needs no trailing slash.
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("out"));
    QVERIFY(QDir().mkdir(folder));
    const Run run = runBinary({"--curve", "gelu", "--curve", "selu", "--json", folder});
    QVERIFY2(run.exitCode == 0, run.describe());
    QCOMPARE(entriesOf(folder), (QStringList{"gelu.json", "selu.json"}));
    QByteArray why;
    QVERIFY2(hasArticleMetadata(readArticleFile(folder + QStringLiteral("/selu.json")), "selu",
                                QString(), 0.0, 1000, why),
             why);
}

void TestCommandLine::alphaAloneIsTheSingleEluCurve()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("f.json"));
    const Run run = runBinary({"--alpha", "0.5", "--json", path});
    QVERIFY2(run.exitCode == 0, run.describe());
    QCOMPARE(entriesOf(dir.path()), QStringList{QStringLiteral("f.json")});
    const ArticleFile json = readArticleFile(path);
    QByteArray why;
    QVERIFY2(hasArticleMetadata(json, "elu", "alpha", 0.5, 1000, why), why);
    QVERIFY2(json.text.contains("\"alpha\": 0.5,"), json.text.left(200));
    QVERIFY2(samplesWithinBound(json.text, 0.5, why), why);
}

void TestCommandLine::curveArgumentsAreRefused_data()
{
    // `mentions`: the option, the value as given and a distinctive part of what is accepted.
    // "@DIR@" in an argument is the test's empty folder. Unless the row gives its own --json,
    // --json names a folder (several curves) and --csv a file in it, so that any write shows.
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("mentions");
    const QString names = QStringLiteral("relu, leaky_relu, elu, celu, selu, gelu, gelu_tanh, "
                                         "silu, softplus, mish, sigmoid, tanh");
    QTest::newRow("nine curves in one family")
        << QStringList{"--curve", "elu:alpha=1,2,3,4,5,6,7,8,9"}
        << QStringList{"--curve", "'elu:alpha=1,2,3,4,5,6,7,8,9'", "8 curves"};
    QTest::newRow("nine curves over several options")
        << QStringList{"--curve", "elu:alpha=1,2,3,4", "--curve", "relu", "--curve",
                       "softplus:beta=1,2,3,4"}
        << QStringList{"--curve", "elu:alpha=1,2,3,4", "softplus:beta=1,2,3,4", "8 curves"};
    QTest::newRow("unknown name") << QStringList{"--curve", "foo"}
                                  << QStringList{"--curve", "'foo'", names};
    QTest::newRow("unknown keyword") << QStringList{"--curve", "elu:alfa=1"}
                                     << QStringList{"--curve", "elu:alfa=1", "alpha"};
    QTest::newRow("keyword on relu") << QStringList{"--curve", "relu:alpha=1"}
                                     << QStringList{"--curve", "relu:alpha=1", "no parameter"};
    QTest::newRow("elu alpha 200") << QStringList{"--curve", "elu:alpha=200"}
                                   << QStringList{"--curve", "elu:alpha=200", "from 0 to 100"};
    QTest::newRow("celu alpha 0")
        << QStringList{"--curve", "celu:alpha=0"}
        << QStringList{"--curve", "celu:alpha=0", "greater than 0", "100"};
    QTest::newRow("leaky slope 2")
        << QStringList{"--curve", "leaky_relu:negative_slope=2"}
        << QStringList{"--curve", "leaky_relu:negative_slope=2", "from 0 to 1"};
    QTest::newRow("beta not a number")
        << QStringList{"--curve", "softplus:beta=abc"}
        << QStringList{"--curve", "softplus:beta=abc", "beta", "greater than 0"};
    QTest::newRow("alpha nan in a family")
        << QStringList{"--curve", "elu:alpha=0.5,nan"}
        << QStringList{"--curve", "elu:alpha=0.5,nan", "finite"};
    QTest::newRow("bad curve after a good one")
        << QStringList{"--curve", "relu", "--curve", "elu:alpha=-1"}
        << QStringList{"--curve", "elu:alpha=-1", "from 0 to 100"};
    QTest::newRow("alpha with curve")
        << QStringList{"--alpha", "1", "--curve", "relu"}
        << QStringList{"--alpha", "--curve", "1", "--curve elu:alpha=1"};
    QTest::newRow("curve with alpha")
        << QStringList{"--curve", "relu", "--alpha", "0.5"}
        << QStringList{"--alpha", "--curve", "0.5", "--curve elu:alpha=0.5"};
    QTest::newRow("json file with several curves")
        << QStringList{"--curve", "relu", "--curve", "elu", "--json", "@DIR@/f.json"}
        << QStringList{"--json", "f.json", "folder"};
    QTest::newRow("json file with a family")
        << QStringList{"--curve", "elu:alpha=0.5,1,2", "--json", "@DIR@/elu.json"}
        << QStringList{"--json", "elu.json", "folder"};
    QTest::newRow("same curve twice")
        << QStringList{"--curve", "elu", "--curve", "elu:alpha=1"}
        << QStringList{"--curve", "elu:alpha=1", "twice"};
    QTest::newRow("same value twice in a family")
        << QStringList{"--curve", "elu:alpha=0.5,2,0.5"}
        << QStringList{"--curve", "elu:alpha=0.5", "twice"};
    QTest::newRow("parameterless curve twice")
        << QStringList{"--curve", "gelu", "--curve", "gelu"}
        << QStringList{"--curve", "gelu", "twice"};
}

void TestCommandLine::curveArgumentsAreRefused()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, mentions);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    arguments.replaceInStrings(QStringLiteral("@DIR@"), dir.path());
    if (!arguments.contains(QStringLiteral("--json")))
        arguments << QStringLiteral("--json") << dir.filePath(QStringLiteral("data/"));
    arguments << QStringLiteral("--csv") << dir.filePath(QStringLiteral("data/out.csv"));
    const Run run = runBinary(arguments);
    QVERIFY2(run.exitCode == 2, run.describe());
    QVERIFY2(entriesOf(dir.path()).isEmpty(), qPrintable(entriesOf(dir.path()).join(", ")));
    QVERIFY2(run.out.isEmpty(), run.out);

    // One line that says what is wrong, then the hint.
    const QStringList lines = QString::fromUtf8(run.err).split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 3);
    QVERIFY(lines[2].isEmpty());
    QCOMPARE(lines[1], QStringLiteral("Try 'elu-explorer --help'."));
    for (const QString &mention : mentions) {
        QVERIFY2(lines[0].contains(mention),
                 qPrintable(QStringLiteral("'%1' not in: %2").arg(mention, lines[0])));
    }
}

void TestCommandLine::listActivations()
{
    const Run run = runBinary({QStringLiteral("--list-activations")});
    QVERIFY2(run.exitCode == 0, run.describe());
    QVERIFY2(run.err.isEmpty(), run.err);
    const QStringList lines = QString::fromUtf8(run.out).split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 12 + 1); // nothing after the last newline
    QVERIFY(lines.constLast().isEmpty());

    // From docs/contract.md's catalogue table: id, parameter with default and range (empty: none),
    // a piece of the formula and the smoothness class.
    struct Row
    {
        const char *id;
        QStringList parameter;
        const char *formula;
        const char *smoothness;
    };
    const Row rows[] = {
        {"relu", {}, "max(0, x)", "C⁰"},
        {"leaky_relu", {"negative_slope", "0.01", "0", "1"}, "s·x", "C⁰"},
        {"elu", {"alpha", "1", "0", "100"}, "α", "C¹"},
        {"celu", {"alpha", "1", "0", "100"}, "x/α", "C¹"},
        {"selu", {}, "λ", "C⁰"},
        {"gelu", {}, "Φ(x)", "C∞"},
        {"gelu_tanh", {}, "tanh", "C∞"},
        {"silu", {}, "σ(x)", "C∞"},
        {"softplus", {"beta", "1", "0", "100"}, "β", "C∞"},
        {"mish", {}, "tanh", "C∞"},
        {"sigmoid", {}, "e^(−x)", "C∞"},
        {"tanh", {}, "tanh(x)", "C∞"},
    };
    for (int i = 0; i < 12; ++i) {
        const Row &row = rows[i];
        const QString &line = lines[i];
        // The id first, as a word of its own (gelu is not gelu_tanh).
        const QStringList words = line.split(QRegularExpression(QStringLiteral("\\s+")));
        QVERIFY2(words.constFirst() == QLatin1String(row.id), qPrintable(line));
        for (const QString &part : row.parameter)
            QVERIFY2(line.contains(part), qPrintable(part + QStringLiteral(" not in: ") + line));
        if (row.parameter.isEmpty()) {
            for (const char *keyword : {"alpha", "beta", "negative_slope"})
                QVERIFY2(!line.contains(QLatin1String(keyword)), qPrintable(line));
            QVERIFY2(line.contains(QStringLiteral("no parameter")) || line.contains(QChar(0x2014)),
                     qPrintable(line));
        }
        QVERIFY2(line.contains(QString::fromUtf8(row.formula)), qPrintable(line));
        QVERIFY2(line.contains(QString::fromUtf8(row.smoothness)), qPrintable(line));
    }
}

namespace {

// The options of a comparison: a family, a curve with another parameter, a range and points.
const QStringList comparison{"--curve",  "elu:alpha=0.5,1,2",
                             "--curve",  "leaky_relu:negative_slope=0.1",
                             "--curve",  "gelu",
                             "--xmin",   "-3",
                             "--xmax",   "0.1",
                             "--points", "301",
                             "--theme",  "dark",
                             "--layout", "stacked",
                             "--width",  "640"};

// Every file under `folder`, by relative path, with its bytes.
QMap<QString, QByteArray> filesUnder(const QString &folder)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        files.insert(QDir(folder).relativeFilePath(path), contentsOf(path));
    }
    return files;
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size());
}

} // namespace

// --save-session, then --session with output options, writes byte for byte what the direct
// command writes.
void TestCommandLine::savedSessionReproducesTheData()
{
    QTemporaryDir dir;
    const QString session = dir.filePath(QStringLiteral("s.elusession"));
    Run run = runBinary(comparison + QStringList{"--save-session", session});
    QVERIFY2(run.exitCode == 0, run.describe());
    QCOMPARE(entriesOf(dir.path()), QStringList{QStringLiteral("s.elusession")});

    auto outputs = [&](const QString &folder) {
        return QStringList{"--json", dir.filePath(folder + "/json/"),
                           "--csv",  dir.filePath(folder + "/all.csv"),
                           "--png",  dir.filePath(folder + "/figure.png"),
                           "--svg",  dir.filePath(folder + "/figure.svg")};
    };
    run = runBinary(QStringList{"--session", session} + outputs("fromSession"));
    QVERIFY2(run.exitCode == 0, run.describe());
    run = runBinary(comparison + outputs("direct"));
    QVERIFY2(run.exitCode == 0, run.describe());
    const QMap<QString, QByteArray> fromSession = filesUnder(dir.filePath("fromSession"));
    const QMap<QString, QByteArray> direct = filesUnder(dir.filePath("direct"));
    QCOMPARE(fromSession.keys(),
             (QStringList{"all.csv", "figure.png", "figure.svg", "json/elu-alpha-0.5.json",
                          "json/elu-alpha-1.json", "json/elu-alpha-2.json", "json/gelu.json",
                          "json/leaky_relu.json"}));
    for (auto it = direct.cbegin(); it != direct.cend(); ++it)
        QVERIFY2(fromSession.value(it.key()) == it.value(), qPrintable(it.key()));

    // And the session it describes is the one it read.
    const QString again = dir.filePath(QStringLiteral("again.elusession"));
    run = runBinary({"--session", session, "--save-session", again});
    QVERIFY2(run.exitCode == 0, run.describe());
    QCOMPARE(contentsOf(again), contentsOf(session));
}

void TestCommandLine::savedSessionHoldsTheOptions()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sub/s.elusession"));
    const Run run = runBinary(comparison + QStringList{"--save-session", path});
    QVERIFY2(run.exitCode == 0, run.describe());
    QVERIFY2(run.out.isEmpty() && run.err.isEmpty(), run.out + run.err);
    const elu::SessionReadResult read = elu::readSessionFile(path);
    QVERIFY2(read.session, qPrintable(read.error));
    const elu::Session &s = *read.session;
    QCOMPARE(s.spec.curves.size(), std::size_t(5));
    QCOMPARE(s.spec.curves[3].spec(), QStringLiteral("leaky_relu:negative_slope=0.1"));
    QCOMPARE(s.spec.xmin, -3.0);
    QCOMPARE(s.spec.xmax, 0.1);
    QCOMPARE(s.spec.points, qint64(301));
    QCOMPARE(s.layout, elu::PlotLayout::Stacked);
    QCOMPARE(s.figure.theme, elu::FigureTheme::Dark);
    QCOMPARE(s.figure.width, 640);
    QCOMPARE(s.figure.height, 600);
    for (int i = 0; i < 5; ++i) // the palette in order, every curve shown
        QCOMPARE(s.appearance[std::size_t(i)], (elu::CurveAppearance{i, std::nullopt, true}));
}

void TestCommandLine::optionsOverrideTheSession()
{
    QTemporaryDir dir;
    elu::Session session;
    session.spec.curves = {{elu::ActivationId::Elu, 0.5}, {elu::ActivationId::Relu, 0.0}};
    session.appearance = {{4, 0x123456, true}, {6, std::nullopt, false}};
    session.selectedCurve = 1;
    session.spec.xmin = -0.0;
    session.figure.theme = elu::FigureTheme::Transparent;
    session.statisticsSigma = 0.5;
    const QString path = dir.filePath(QStringLiteral("s.elusession"));
    QVERIFY(!elu::saveSession(path, session));

    // The range and the figure size change; the curves, colours and the rest stay.
    const QString changed = dir.filePath(QStringLiteral("changed.elusession"));
    Run run = runBinary({"--session", path, "--xmax", "7", "--points", "20", "--height", "300",
                         "--layout", "stacked", "--save-session", changed});
    QVERIFY2(run.exitCode == 0, run.describe());
    elu::SessionReadResult read = elu::readSessionFile(changed);
    QVERIFY2(read.session, qPrintable(read.error));
    elu::Session expected = session;
    expected.spec.xmax = 7;
    expected.spec.points = 20;
    expected.figure.height = 300;
    expected.layout = elu::PlotLayout::Stacked;
    QVERIFY(*read.session == expected);
    QVERIFY(std::signbit(read.session->spec.xmin));

    // Other curves: the first keeps the first curve's colour, the added one takes a free slot.
    run = runBinary({"--session", path, "--curve", "gelu", "--curve", "mish", "--curve", "tanh",
                     "--save-session", changed});
    QVERIFY2(run.exitCode == 0, run.describe());
    read = elu::readSessionFile(changed);
    QVERIFY2(read.session, qPrintable(read.error));
    QCOMPARE(read.session->spec.curves.size(), std::size_t(3));
    QCOMPARE(read.session->appearance[0], session.appearance[0]);
    QCOMPARE(read.session->appearance[1], session.appearance[1]);
    QCOMPARE(read.session->appearance[2], (elu::CurveAppearance{0, std::nullopt, true}));
    QCOMPARE(read.session->selectedCurve, 1);
    QCOMPARE(read.session->figure.theme, elu::FigureTheme::Transparent);

    // An override that does not fit the session's values is refused like any bad argument.
    run = runBinary({"--session", path, "--xmin", "5", "--json", dir.filePath("x.json")});
    QVERIFY2(run.exitCode == 2, run.describe());
    QVERIFY2(run.err.startsWith("elu-explorer: --xmin/--xmax: xmin = 5, xmax = 2"), run.err);
    QCOMPARE(entriesOf(dir.path()), (QStringList{"changed.elusession", "s.elusession"}));
}

// The desktop file runs `elu-explorer %f`: a *.elusession named alone is --session.
void TestCommandLine::sessionFileNamedAlone()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("My Figure.ELUSESSION"));
    Run run = runBinary({"--curve", "relu", "--save-session", path});
    QVERIFY2(run.exitCode == 0, run.describe());
    const QString copy = dir.filePath(QStringLiteral("copy.elusession"));
    run = runBinary({path, "--save-session", copy});
    QVERIFY2(run.exitCode == 0, run.describe());
    QCOMPARE(contentsOf(copy), contentsOf(path));

    // Anything else named alone is still refused, and so are two sessions.
    for (const QStringList &arguments :
         {QStringList{"notes.json"}, QStringList{path, copy}, QStringList{path, "--session", copy},
          QStringList{"0.5"}}) {
        run = runBinary(arguments + QStringList{"--json", dir.filePath("out.json")});
        QVERIFY2(run.exitCode == 2, run.describe());
        QVERIFY(!QFileInfo::exists(dir.filePath("out.json")));
    }
    run = runBinary({dir.filePath("missing.elusession"), "--json", dir.filePath("out.json")});
    QVERIFY2(run.exitCode == 2, run.describe());
    QCOMPARE(QString::fromUtf8(run.err).section(QLatin1Char('\n'), 0, 0),
             QStringLiteral("elu-explorer: %1: no such file")
                 .arg(QDir::toNativeSeparators(dir.filePath("missing.elusession"))));
}

void TestCommandLine::badSessionIsRefused_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("reason");
    const QByteArray valid = elu::sessionBytes(elu::Session());
    QTest::newRow("bad value") << QByteArray(valid).replace("\"alpha\": 1", "\"alpha\": 200")
                               << "curves[0].alpha: 200 is not accepted: alpha must be a finite "
                                  "number from 0 to 100";
    QTest::newRow("wrong type") << QByteArray(valid).replace("\"points\": 1000",
                                                             "\"points\": \"1000\"")
                                << "points: \"1000\" is not accepted";
    QTest::newRow("truncated") << valid.left(100)
                               << "not JSON at byte 100: the text ends early (truncated?)";
    QTest::newRow("newer") << QByteArray(valid).replace("\"version\": 1", "\"version\": 2")
                           << "version 2 is newer than this ELU Explorer reads (1)";
    QTest::newRow("other JSON") << QByteArray("{\"x\": [1, 2]}")
                                << "format: missing: this is not an ELU Explorer session";
    QTest::newRow("binary") << QByteArray("\x89PNG\r\n\x1a\n", 8)
                            << "not JSON at byte 0: a value is expected";
}

// Exit 2 with one line naming the file and the key or offset; nothing written.
void TestCommandLine::badSessionIsRefused()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, reason);
    QTemporaryDir dir;
    const QString session = dir.filePath(QStringLiteral("in/s.elusession"));
    QVERIFY(QDir().mkpath(dir.filePath("in")));
    writeFile(session, bytes);
    const Run run = runBinary({"--session", session, "--json", dir.filePath("out/elu.json"),
                               "--save-session", dir.filePath("out/s.elusession")});
    QVERIFY2(run.exitCode == 2, run.describe());
    const QStringList lines = QString::fromUtf8(run.err).split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines[0], QStringLiteral("elu-explorer: --session: %1: %2")
                           .arg(QDir::toNativeSeparators(session))
                           .arg(lines[0].section(QStringLiteral(".elusession: "), 1)));
    QVERIFY2(lines[0].section(QStringLiteral(".elusession: "), 1).startsWith(reason),
             qPrintable(lines[0]));
    QCOMPARE(entriesOf(dir.path()), QStringList{QStringLiteral("in")});
    QCOMPARE(contentsOf(session), bytes);
}

// Without an output option the window opens with the session (here: saves a screenshot).
void TestCommandLine::sessionOpensTheWindow()
{
    QTemporaryDir dir;
    const QString session = dir.filePath(QStringLiteral("s.elusession"));
    Run run = runBinary(comparison + QStringList{"--save-session", session});
    QVERIFY2(run.exitCode == 0, run.describe());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("HOME"), dir.filePath(QStringLiteral("home")));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    const QString shot = dir.filePath(QStringLiteral("shot.png"));
    run = runBinary({session, "--screenshot", shot}, environment);
    QVERIFY2(run.exitCode == 0, run.describe());
    QVERIFY(contentsOf(shot).startsWith("\x89PNG"));

    // A bad file named alone (as the desktop opens it) still opens the window, which says why.
    writeFile(session, "{\"format\": \"elu-explorer-session\", \"version\": 9}");
    QVERIFY(QFile::remove(shot));
    run = runBinary({session, "--screenshot", shot}, environment);
    QVERIFY2(run.exitCode == 0, run.describe());
    QVERIFY(contentsOf(shot).startsWith("\x89PNG"));
    QVERIFY2(run.err.contains(QDir::toNativeSeparators(session).toUtf8()
                              + ": version 9 is newer than this ELU Explorer reads (1)"),
             run.err);
}

// Headless figures of a session draw its visible curves only, in its layout.
void TestCommandLine::figuresDrawWhatTheSessionShows()
{
    QTemporaryDir dir;
    elu::Session session;
    session.spec.curves = {{elu::ActivationId::Elu, 1.0}, {elu::ActivationId::Relu, 0.0}};
    session.appearance = {{0, std::nullopt, true}, {1, std::nullopt, false}};
    const QString path = dir.filePath(QStringLiteral("s.elusession"));
    QVERIFY(!elu::saveSession(path, session));
    Run run = runBinary({"--session", path, "--svg", dir.filePath("session.svg")});
    QVERIFY2(run.exitCode == 0, run.describe());
    run = runBinary({"--curve", "elu", "--svg", dir.filePath("elu.svg")});
    QVERIFY2(run.exitCode == 0, run.describe());
    QCOMPARE(contentsOf(dir.filePath("session.svg")), contentsOf(dir.filePath("elu.svg")));

    run =
        runBinary({"--curve", "elu", "--layout", "stacked", "--svg", dir.filePath("stacked.svg")});
    QVERIFY2(run.exitCode == 0, run.describe());
    QVERIFY(contentsOf(dir.filePath("stacked.svg")) != contentsOf(dir.filePath("elu.svg")));
}

namespace {

// The "curves" of --stats JSON on standard output, with its "mu" and "sigma".
QJsonObject statsOf(const Run &run)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(run.out, &error);
    return error.error == QJsonParseError::NoError ? document.object() : QJsonObject();
}

} // namespace

void TestCommandLine::statsToStandardOutput()
{
    Run run = runBinary({"--curve", "relu", "--curve", "selu", "--curve", "elu:alpha=0.5",
                         "--stats", "-"});
    QVERIFY2(run.exitCode == 0, run.describe());
    QVERIFY2(run.err.isEmpty(), run.err);
    QJsonObject stats = statsOf(run);
    QVERIFY2(!stats.isEmpty(), run.out);
    QCOMPARE(stats.value("mu").toDouble(), 0.0);
    QCOMPARE(stats.value("sigma").toDouble(), 1.0);
    const QJsonArray curves = stats.value("curves").toArray();
    QCOMPARE(curves.size(), 3);
    const double pi = 3.14159265358979323846;
    const QJsonObject relu = curves[0].toObject();
    QCOMPARE(relu.value("activation").toString(), QStringLiteral("relu"));
    QVERIFY(std::abs(relu.value("mean").toDouble() - 1.0 / std::sqrt(2.0 * pi)) < 1e-15);
    QVERIFY(std::abs(relu.value("variance").toDouble() - (0.5 - 0.5 / pi)) < 1e-15);
    // SELU's fixed point, through the real binary.
    const QJsonObject selu = curves[1].toObject();
    QVERIFY(std::abs(selu.value("mean").toDouble()) < 1e-9);
    QVERIFY(std::abs(selu.value("variance").toDouble() - 1.0) < 1e-9);
    QCOMPARE(curves[2].toObject().value("alpha").toDouble(), 0.5);

    run = runBinary({"--alpha", "2", "--mu", "-0.5", "--sigma", "3", "--stats", "-"});
    QVERIFY2(run.exitCode == 0, run.describe());
    stats = statsOf(run);
    QCOMPARE(stats.value("mu").toDouble(), -0.5);
    QCOMPARE(stats.value("sigma").toDouble(), 3.0);
    QCOMPARE(stats.value("curves").toArray().first().toObject().value("alpha").toDouble(), 2.0);
}

void TestCommandLine::statsInputFromTheSession()
{
    QTemporaryDir dir;
    const QString session = dir.filePath(QStringLiteral("s.elusession"));
    Run run = runBinary({"--mu", "0.5", "--sigma", "2", "--save-session", session});
    QVERIFY2(run.exitCode == 0, run.describe());
    const elu::SessionReadResult read = elu::readSessionFile(session);
    QVERIFY2(read.session, qPrintable(read.error));
    QCOMPARE(read.session->statisticsMu, 0.5);
    QCOMPARE(read.session->statisticsSigma, 2.0);

    run = runBinary({"--session", session, "--stats", "-"});
    QVERIFY2(run.exitCode == 0, run.describe());
    QCOMPARE(statsOf(run).value("mu").toDouble(), 0.5);
    QCOMPARE(statsOf(run).value("sigma").toDouble(), 2.0);
    // An option given beside the session overrides its value, the other stays.
    run = runBinary({"--session", session, "--mu", "1", "--stats", "-"});
    QVERIFY2(run.exitCode == 0, run.describe());
    QCOMPARE(statsOf(run).value("mu").toDouble(), 1.0);
    QCOMPARE(statsOf(run).value("sigma").toDouble(), 2.0);
}

void TestCommandLine::statsRefusalWritesNothing()
{
    QTemporaryDir dir;
    for (const QStringList &bad : {QStringList{"--sigma", "0"}, QStringList{"--mu", "11"}}) {
        const QString path = dir.filePath(QStringLiteral("stats.json"));
        Run run = runBinary(QStringList{"--stats", path} + bad);
        QVERIFY2(run.exitCode == 2, run.describe());
        QVERIFY2(run.err.startsWith("elu-explorer: " + bad[0].toUtf8() + ": '" + bad[1].toUtf8()
                                    + "' is not accepted"),
                 run.err);
        QVERIFY(entriesOf(dir.path()).isEmpty());
        run = runBinary(QStringList{"--stats", "-"} + bad);
        QVERIFY2(run.exitCode == 2 && run.out.isEmpty(), run.describe());
    }
}

QTEST_APPLESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
