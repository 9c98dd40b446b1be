// SPDX-License-Identifier: MIT
// The command line's rules, through the real elu-explorer binary: two outputs on one file,
// --help-all, the PNG pixel budget, values that look like options, repeated options, the sign
// of a zero range end, decimal input (underflow and overflow), and a silent headless run.
#include "filesupport.h"
#include "processsupport.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

namespace {

using testsupport::contentsOf;
using testsupport::entriesOf;
using testsupport::Run;
using testsupport::RunOptions;
using testsupport::runBinary;

Run runIn(const QString &folder, const QStringList &arguments)
{
    RunOptions options;
    options.workingDirectory = folder;
    return runBinary(arguments, options);
}

// A refusal: exit 2, nothing on standard output, one line naming what is wrong, then the hint.
bool isRefusal(const Run &run, QByteArray &why)
{
    if (run.exitCode != 2) {
        why = run.describe();
        return false;
    }
    if (!run.out.isEmpty()) {
        why = "standard output: " + run.out.left(200);
        return false;
    }
    const QList<QByteArray> lines = run.err.split('\n');
    if (lines.size() != 3 || !lines[0].startsWith("elu-explorer: ")
        || lines[1] != "Try 'elu-explorer --help'." || !lines[2].isEmpty()) {
        why = "message: " + run.err;
        return false;
    }
    return true;
}

QJsonObject jsonOf(const QByteArray &text)
{
    return QJsonDocument::fromJson(text).object();
}

// The metadata number `"key": value` in JSON text, read with its sign (QJsonDocument reads
// -0.0 as +0) and every digit.
double metadataNumber(const QByteArray &json, const QByteArray &key)
{
    const QByteArray start = "\"" + key + "\": ";
    const qsizetype at = json.indexOf(start);
    if (at < 0)
        return std::nan("");
    const qsizetype begin = at + start.size();
    qsizetype end = begin;
    while (end < json.size() && json[end] != ',' && json[end] != '\n')
        ++end;
    return testsupport::parseNumber(json.mid(begin, end - begin).trimmed());
}

// The text of the first number of the array `key` in JSON text, as written.
QByteArray firstNumberText(const QByteArray &json, const QByteArray &key)
{
    const qsizetype at = json.indexOf("\"" + key + "\": [");
    if (at < 0)
        return {};
    const qsizetype begin = at + key.size() + 5;
    qsizetype end = begin;
    while (end < json.size() && json[end] != ',' && json[end] != ']')
        ++end;
    return json.mid(begin, end - begin).trimmed();
}

} // namespace

class TestCommandLineRules : public QObject
{
    Q_OBJECT

private slots:
    // 10: two outputs on one file.
    void twoOutputsOnOneFileAreRefused_data();
    void twoOutputsOnOneFileAreRefused();
    void outputsThroughASymlink();
    void standardOutputRedirectedToAnOutput();
    void distinctOutputsAreWritten();

    // 11: --help-all.
    void helpAllPrintsEveryOption();
    void helpAllWinsOverExports();

    // 12: the PNG pixel budget only with a PNG.
    void pixelBudgetOnlyForPng_data();
    void pixelBudgetOnlyForPng();

    // 14: a value that looks like an option is a missing value.
    void optionAsValueIsMissing_data();
    void optionAsValueIsMissing();
    void optionLikePathWrittenExplicitly_data();
    void optionLikePathWrittenExplicitly();
    void negativeNumbersAndDashAreValues();

    // 15: an option given twice.
    void repeatedOptionIsRefused_data();
    void repeatedOptionIsRefused();
    void curveRepeats();

    // 16: the first sample is exactly xmin, sign included.
    void negativeZeroRangeEnds();

    // 17: decimal input rounds to the nearest double.
    void decimalInputRounds_data();
    void decimalInputRounds();
    void overflowIsRefused_data();
    void overflowIsRefused();

    // --screenshot opens the window: beside an output option it would be ignored.
    void screenshotBesideAnOutputIsRefused();

    // 19: a headless figure export is silent.
    void figureExportIsSilentWithoutRuntimeDir_data();
    void figureExportIsSilentWithoutRuntimeDir();
};

void TestCommandLineRules::twoOutputsOnOneFileAreRefused_data()
{
    // Run in an empty folder; `first` and `second` are the two options the message names and
    // `path` a path it quotes.
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("second");
    QTest::addColumn<QString>("path");
    QTest::newRow("json and csv, one name")
        << QStringList{"--json", "same.out", "--csv", "same.out"} << "--json"
        << "--csv"
        << "same.out";
    QTest::newRow("x.json and ./x.json")
        << QStringList{"--json", "x.json", "--csv", "./x.json"} << "--json"
        << "--csv"
        << "x.json";
    QTest::newRow("through a missing folder")
        << QStringList{"--svg", "new/f.out", "--png", "new/../new/f.out"} << "--svg"
        << "--png"
        << "new/f.out";
    QTest::newRow("png and pdf") << QStringList{"--png", "f", "--pdf", "f"} << "--png"
                                 << "--pdf"
                                 << "f";
    QTest::newRow("stats and save-session")
        << QStringList{"--stats", "s", "--save-session", "./s"} << "--stats"
        << "--save-session"
        << "s";
    QTest::newRow("- and /dev/stdout")
        << QStringList{"--json", "-", "--csv", "/dev/stdout"} << "--json"
        << "--csv"
        << "/dev/stdout";
    QTest::newRow("/dev/fd/1 and -") << QStringList{"--csv", "/dev/fd/1", "--stats", "-"} << "--csv"
                                     << "--stats"
                                     << "/dev/fd/1";
    QTest::newRow("- twice") << QStringList{"--csv", "-", "--svg", "-"} << "--csv"
                             << "--svg"
                             << "-";
    QTest::newRow("a file of a --json folder")
        << QStringList{"--curve", "relu", "--curve", "elu",
                       "--json",  "out/", "--csv",   "out/relu.json"}
        << "--json"
        << "--csv"
        << "out/relu.json";
}

void TestCommandLineRules::twoOutputsOnOneFileAreRefused()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, first);
    QFETCH(QString, second);
    QFETCH(QString, path);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Run run = runIn(dir.path(), arguments);
    QByteArray why;
    QVERIFY2(isRefusal(run, why), why);
    QVERIFY2(run.err.contains(first.toUtf8()) && run.err.contains(second.toUtf8()), run.err);
    QVERIFY2(run.err.contains("'" + path.toUtf8() + "'"), run.err);
    QCOMPARE(entriesOf(dir.path()), QStringList());
}

void TestCommandLineRules::screenshotBesideAnOutputIsRefused()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Run run = runIn(dir.path(), {"--csv", "x.csv", "--screenshot", "shot.png"});
    QByteArray why;
    QVERIFY2(isRefusal(run, why), why);
    QVERIFY2(run.err.contains("--screenshot is not accepted with an output option"), run.err);
    QCOMPARE(entriesOf(dir.path()), QStringList());
}

void TestCommandLineRules::outputsThroughASymlink()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // An existing file and a link to it; a folder and a link to the folder.
    QFile real(dir.filePath(QStringLiteral("real.json")));
    QVERIFY(real.open(QIODevice::WriteOnly) && real.write("old") == 3);
    real.close();
    QVERIFY(QFile::link(QStringLiteral("real.json"), dir.filePath(QStringLiteral("link.json"))));
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("folder")));
    QVERIFY(QFile::link(QStringLiteral("folder"), dir.filePath(QStringLiteral("alias"))));
    const QStringList before = entriesOf(dir.path());

    for (const QStringList &arguments :
         {QStringList{"--json", "real.json", "--csv", "link.json"},
          QStringList{"--json", "link.json", "--csv", dir.filePath(QStringLiteral("real.json"))},
          QStringList{"--png", "folder/new.out", "--svg", "alias/new.out"}}) {
        const Run run = runIn(dir.path(), arguments);
        QByteArray why;
        QVERIFY2(isRefusal(run, why), why + " for " + arguments.join(' ').toUtf8());
        QVERIFY2(run.err.contains(arguments[0].toUtf8()) && run.err.contains(arguments[2].toUtf8()),
                 run.err);
        QCOMPARE(entriesOf(dir.path()), before);
        QCOMPARE(contentsOf(real.fileName()), QByteArray("old"));
        QCOMPARE(entriesOf(dir.filePath(QStringLiteral("folder"))), QStringList());
    }
}

void TestCommandLineRules::standardOutputRedirectedToAnOutput()
{
    // `elu-explorer --json out.json --csv - > out.json`: both would go into one file.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString out = dir.filePath(QStringLiteral("out.json"));
    RunOptions options;
    options.workingDirectory = dir.path();
    options.standardOutputFile = out;
    const Run run = runBinary({"--json", "out.json", "--csv", "-"}, options);
    QVERIFY2(run.exitCode == 2, run.describe());
    QVERIFY2(run.err.contains("--json") && run.err.contains("--csv"), run.err);
    QCOMPARE(contentsOf(out), QByteArray());
    QCOMPARE(entriesOf(dir.path()), QStringList{QStringLiteral("out.json")});
}

void TestCommandLineRules::distinctOutputsAreWritten()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Run run = runIn(dir.path(), {"--json", "x.json", "--csv", "x.csv", "--stats", "-", "--points",
                                 "5", "--save-session", "x.elusession"});
    QVERIFY2(run.exitCode == 0, run.describe());
    QVERIFY2(run.err.isEmpty(), run.err);
    QStringList expected{"x.csv", "x.elusession", "x.json"};
    QCOMPARE(entriesOf(dir.path()), expected);
    QVERIFY(!jsonOf(run.out).isEmpty());
    // A --json folder and a file beside its files.
    run = runIn(dir.path(), {"--curve", "relu", "--curve", "elu", "--points", "5", "--json", "out/",
                             "--csv", "out/relu.csv"});
    QVERIFY2(run.exitCode == 0, run.describe());
    expected = QStringList{"elu.json", "relu.csv", "relu.json"};
    QCOMPARE(entriesOf(dir.filePath(QStringLiteral("out"))), expected);
}

void TestCommandLineRules::helpAllPrintsEveryOption()
{
    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    RunOptions options;
    options.timeoutMs = 30'000; // the window would never close by itself
    options.environment.remove(QStringLiteral("XDG_RUNTIME_DIR"));
    options.environment.insert(QStringLiteral("TMPDIR"), temp.path());
    const Run run = runBinary({"--help-all"}, options);
    QVERIFY2(run.exitCode == 0, run.describe());
    QVERIFY2(run.err.isEmpty(), run.err);
    for (const char *option : {"--help-all", "--json", "--csv", "--png", "--curve", "--alpha",
                               "--xmin", "--session", "--save-session", "--screenshot"})
        QVERIFY2(run.out.contains(option), option);
    // Qt's own options, which --help leaves out.
    for (const char *option : {"--platform", "--reverse", "--qwindowtitle"})
        QVERIFY2(run.out.contains(option), option);
    QCOMPARE(entriesOf(temp.path()), QStringList()); // no runtime folder left behind
    const Run help = runBinary({"--help"});
    QVERIFY2(help.exitCode == 0, help.describe());
    QVERIFY(!help.out.contains("--platform"));
    QVERIFY(run.out.size() > help.out.size());
}

void TestCommandLineRules::helpAllWinsOverExports()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    RunOptions options;
    options.workingDirectory = dir.path();
    options.timeoutMs = 30'000;
    for (const QStringList &arguments :
         {QStringList{"--json", "h.json", "--help-all"},
          QStringList{"--help-all", "--png", "h.png"}, QStringList{"--help", "--csv", "h.csv"}}) {
        const Run run = runBinary(arguments, options);
        QVERIFY2(run.exitCode == 0, run.describe());
        QVERIFY2(run.out.contains("--json"), run.out.left(200));
        QCOMPARE(entriesOf(dir.path()), QStringList());
    }
}

void TestCommandLineRules::pixelBudgetOnlyForPng_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("accepted");
    const QStringList big{"--width", "5001", "--height", "5000"};
    QTest::newRow("svg 5001 x 5000") << big + QStringList{"--svg", "w.svg"} << true;
    QTest::newRow("pdf 5001 x 5000") << big + QStringList{"--pdf", "w.pdf"} << true;
    QTest::newRow("svg scale 8") << QStringList{"--width", "2000", "--height", "2000",
                                                "--scale", "8",    "--svg",    "w.svg"}
                                 << true;
    QTest::newRow("svg and json") << big + QStringList{"--svg", "w.svg", "--json", "w.json"}
                                  << true;
    QTest::newRow("png 5001 x 5000") << big + QStringList{"--png", "w.png"} << false;
    QTest::newRow("png scale 8") << QStringList{"--width", "2000", "--height", "2000",
                                                "--scale", "8",    "--png",    "w.png"}
                                 << false;
    QTest::newRow("png beside svg")
        << big + QStringList{"--svg", "w.svg", "--png", "w.png"} << false;
    // A session keeps figure options a PNG can be made from (tst_sessionrefusals).
    QTest::newRow("save-session") << big + QStringList{"--save-session", "w.elusession"} << false;
}

void TestCommandLineRules::pixelBudgetOnlyForPng()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, accepted);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Run run = runIn(dir.path(), arguments);
    if (accepted) {
        QVERIFY2(run.exitCode == 0, run.describe());
        QVERIFY2(run.err.isEmpty(), run.err);
        for (const QString &argument : arguments) {
            if (argument.startsWith(QLatin1String("w.")))
                QVERIFY2(QFileInfo(dir.filePath(argument)).size() > 0, qPrintable(argument));
        }
        // The SVG has the size asked for.
        const QString width = arguments[arguments.indexOf(QLatin1String("--width")) + 1];
        if (arguments.contains(QLatin1String("w.svg")))
            QVERIFY(contentsOf(dir.filePath(QStringLiteral("w.svg")))
                        .contains("<svg width=\"" + width.toUtf8() + "\""));
    } else {
        QByteArray why;
        QVERIFY2(isRefusal(run, why), why);
        QVERIFY2(run.err.contains("100 million"), run.err);
        QCOMPARE(entriesOf(dir.path()), QStringList());
    }
}

void TestCommandLineRules::optionAsValueIsMissing_data()
{
    // `option` is the one whose value is missing, `next` the argument that looks like an option.
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("next");
    QTest::newRow("--json --csv") << QStringList{"--json", "--csv"} << "--json"
                                  << "--csv";
    QTest::newRow("--json --csv x.csv") << QStringList{"--json", "--csv", "x.csv"} << "--json"
                                        << "--csv";
    QTest::newRow("--csv -x.csv") << QStringList{"--csv", "-x.csv"} << "--csv"
                                  << "-x.csv";
    QTest::newRow("--png --alpha 2") << QStringList{"--png", "--alpha", "2"} << "--png"
                                     << "--alpha";
    QTest::newRow("--alpha --json x") << QStringList{"--alpha", "--json", "x.json"} << "--alpha"
                                      << "--json";
    QTest::newRow("--theme --png")
        << QStringList{"--json", "a.json", "--theme", "--png", "f.png"} << "--theme"
        << "--png";
    QTest::newRow("--curve -h") << QStringList{"--curve", "-h", "--json", "a.json"} << "--curve"
                                << "-h";
    QTest::newRow("--json --") << QStringList{"--json", "--"} << "--json"
                               << "--";
    QTest::newRow("--session --json") << QStringList{"--session", "--json", "a.json"} << "--session"
                                      << "--json";
}

void TestCommandLineRules::optionAsValueIsMissing()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, option);
    QFETCH(QString, next);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Run run = runIn(dir.path(), arguments);
    QByteArray why;
    QVERIFY2(isRefusal(run, why), why);
    QVERIFY2(run.err.startsWith("elu-explorer: " + option.toUtf8() + ": a value is missing"),
             run.err);
    QVERIFY2(run.err.contains("'" + next.toUtf8() + "'"), run.err);
    // How to give it anyway.
    QVERIFY2(run.err.contains(option.toUtf8() + "=" + next.toUtf8()), run.err);
    QCOMPARE(entriesOf(dir.path()), QStringList());
}

void TestCommandLineRules::optionLikePathWrittenExplicitly_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("file");
    QTest::newRow("--json=--csv") << QStringList{"--json=--csv"} << "--csv";
    QTest::newRow("--json ./--csv") << QStringList{"--json", "./--csv"} << "--csv";
    QTest::newRow("--csv=-x.csv") << QStringList{"--csv=-x.csv"} << "-x.csv";
    QTest::newRow("--svg ./-f.svg") << QStringList{"--svg", "./-f.svg"} << "-f.svg";
}

void TestCommandLineRules::optionLikePathWrittenExplicitly()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, file);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Run run = runIn(dir.path(), arguments + QStringList{"--points", "5"});
    QVERIFY2(run.exitCode == 0, run.describe());
    QCOMPARE(entriesOf(dir.path()), QStringList{file});
    QVERIFY(QFileInfo(dir.filePath(file)).size() > 0);
}

void TestCommandLineRules::negativeNumbersAndDashAreValues()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // A number that starts with '-' is a value; "-" alone is standard output.
    Run run =
        runIn(dir.path(), {"--xmin", "-2", "--xmax", "-1e-9", "--points", "3", "--json", "-"});
    QVERIFY2(run.exitCode == 0, run.describe());
    QJsonObject object = jsonOf(run.out);
    QCOMPARE(object.value(QStringLiteral("xmin")).toDouble(), -2.0);
    QCOMPARE(object.value(QStringLiteral("xmax")).toDouble(), -1e-9);
    run = runIn(dir.path(), {"--xmin", "-.5", "--xmax=-0.25", "--points", "3", "--csv", "-"});
    QVERIFY2(run.exitCode == 0, run.describe());
    QVERIFY2(run.out.startsWith("x,y,yp\n-0.5,"), run.out);
    // -inf and -nan read as numbers, refused as not finite (not as a missing value).
    run = runIn(dir.path(), {"--xmin", "-inf", "--json", "-"});
    QVERIFY2(run.exitCode == 2 && run.err.contains("finite"), run.describe());
    run = runIn(dir.path(), {"--points", "-5", "--json", "-"});
    QVERIFY2(run.exitCode == 2 && run.err.contains("'-5'"), run.describe());
    QCOMPARE(entriesOf(dir.path()), QStringList());
}

void TestCommandLineRules::repeatedOptionIsRefused_data()
{
    // `values` is how the message lists what was given.
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("values");
    QTest::newRow("alpha") << QStringList{"--alpha", "0.5", "--alpha", "2", "--json", "a.json"}
                           << "--alpha"
                           << "given twice (0.5, 2)";
    QTest::newRow("json") << QStringList{"--json", "a.json", "--json", "b.json"} << "--json"
                          << "given twice (a.json, b.json)";
    QTest::newRow("json, = form") << QStringList{"--json=a.json", "--json", "b.json"} << "--json"
                                  << "given twice (a.json, b.json)";
    QTest::newRow("xmin three times")
        << QStringList{"--xmin", "1", "--xmin", "2", "--xmin", "-1", "--csv", "a.csv"} << "--xmin"
        << "given 3 times (1, 2, -1)";
    QTest::newRow("same value twice")
        << QStringList{"--points", "5", "--points", "5", "--csv", "a.csv"} << "--points"
        << "given twice (5, 5)";
    QTest::newRow("png") << QStringList{"--png", "a.png", "--png", "b.png"} << "--png"
                         << "given twice";
    QTest::newRow("width") << QStringList{"--width", "300", "--svg", "a.svg", "--width", "400"}
                           << "--width"
                           << "given twice (300, 400)";
    QTest::newRow("theme") << QStringList{"--theme", "dark", "--theme", "light", "--svg", "a.svg"}
                           << "--theme"
                           << "given twice (dark, light)";
    QTest::newRow("layout") << QStringList{"--layout", "stacked", "--layout",
                                           "overlaid", "--svg",   "a.svg"}
                            << "--layout"
                            << "given twice";
    QTest::newRow("session") << QStringList{"--session", "a.elusession", "--session",
                                            "b.elusession"}
                             << "--session"
                             << "given twice";
    QTest::newRow("mu") << QStringList{"--mu", "0", "--mu", "1", "--stats", "a.json"} << "--mu"
                        << "given twice (0, 1)";
}

void TestCommandLineRules::repeatedOptionIsRefused()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, option);
    QFETCH(QString, values);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Run run = runIn(dir.path(), arguments);
    QByteArray why;
    QVERIFY2(isRefusal(run, why), why);
    QVERIFY2(run.err.startsWith("elu-explorer: " + option.toUtf8() + " is " + values.toUtf8()),
             run.err);
    QCOMPARE(entriesOf(dir.path()), QStringList());
}

void TestCommandLineRules::curveRepeats()
{
    const Run run = runBinary(
        {"--curve", "relu", "--curve", "elu", "--curve", "selu", "--points", "4", "--csv", "-"});
    QVERIFY2(run.exitCode == 0, run.describe());
    QVERIFY2(run.out.startsWith("x,relu.y,relu.yp,elu.y,elu.yp,selu.y,selu.yp\n"), run.out);
}

void TestCommandLineRules::negativeZeroRangeEnds()
{
    // The metadata says xmin = -0.0; the first sample is that number, sign included.
    Run run = runBinary({"--xmin", "-0", "--xmax", "1", "--points", "3", "--json", "-"});
    QVERIFY2(run.exitCode == 0, run.describe());
    QVERIFY2(run.out.contains("\"xmin\": -0.0"), run.out);
    std::vector<double> xs = testsupport::jsonNumbers(run.out, "x");
    QCOMPARE(xs.size(), std::size_t(3));
    QVERIFY2(xs[0] == 0.0 && std::signbit(xs[0]), firstNumberText(run.out, "x"));
    QCOMPARE(xs[1], 0.5);
    // And the last is exactly xmax = -0.
    run = runBinary({"--xmin", "-1", "--xmax", "-0", "--points", "5", "--json", "-"});
    QVERIFY2(run.exitCode == 0, run.describe());
    xs = testsupport::jsonNumbers(run.out, "x");
    QCOMPARE(xs.size(), std::size_t(5));
    QVERIFY(xs[4] == 0.0 && std::signbit(xs[4]));
    QCOMPARE(xs[0], -1.0);
    // The CSV's first x too.
    run = runBinary({"--xmin", "-0", "--xmax", "1", "--points", "2", "--csv", "-"});
    QVERIFY2(run.exitCode == 0, run.describe());
    const QList<QByteArray> lines = run.out.split('\n');
    QVERIFY(lines.size() > 1);
    const double first = testsupport::parseNumber(lines[1].split(',').constFirst());
    QVERIFY2(first == 0.0 && std::signbit(first), lines[1]);
}

void TestCommandLineRules::decimalInputRounds_data()
{
    // The value each option takes, as the nearest double of the decimal text.
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("key");
    QTest::addColumn<double>("value");
    QTest::newRow("alpha 1e-400 underflows to 0")
        << QStringList{"--alpha", "1e-400"} << "alpha" << 0.0;
    QTest::newRow("alpha below the smallest double")
        << QStringList{"--alpha", "2e-324"} << "alpha" << 0.0;
    QTest::newRow("alpha subnormal")
        << QStringList{"--alpha", "3e-324"} << "alpha" << std::nextafter(0.0, 1.0);
    QTest::newRow("alpha more digits than a double")
        << QStringList{"--alpha", "1.0000000000000000000001"} << "alpha" << 1.0;
    QTest::newRow("alpha 0.1") << QStringList{"--alpha", "0.1"} << "alpha" << 0.1;
    QTest::newRow("alpha 1e-5000") << QStringList{"--alpha", "1e-5000"} << "alpha" << 0.0;
    QTest::newRow("alpha 0.000…1e-310")
        << QStringList{"--alpha", "0.000000000000000000001e-310"} << "alpha" << 0.0;
    QTest::newRow("curve alpha 1e-400")
        << QStringList{"--curve", "elu:alpha=1e-400"} << "alpha" << 0.0;
    QTest::newRow("curve beta rounded")
        << QStringList{"--curve", "softplus:beta=2.00000000000000000000001"} << "beta" << 2.0;
    QTest::newRow("xmin -1e-400 is -0")
        << QStringList{"--xmin", "-1e-400", "--xmax", "1"} << "xmin" << -0.0;
    QTest::newRow("xmax 1e-400 is 0")
        << QStringList{"--xmin", "-1", "--xmax", "1e-400"} << "xmax" << 0.0;
    QTest::newRow("xmax rounded") << QStringList{"--xmax", "2.0000000000000000000001"} << "xmax"
                                  << 2.0;
    QTest::newRow("xmin with spaces") << QStringList{"--xmin", " -3 "} << "xmin" << -3.0;
}

void TestCommandLineRules::decimalInputRounds()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, key);
    QFETCH(double, value);
    const Run run = runBinary(arguments + QStringList{"--points", "3", "--json", "-"});
    QVERIFY2(run.exitCode == 0, run.describe());
    const double written = metadataNumber(run.out, key.toUtf8());
    QVERIFY2(written == value && std::signbit(written) == std::signbit(value),
             qPrintable(QString::number(written, 'g', 17)));
}

void TestCommandLineRules::overflowIsRefused_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("accepted");
    QTest::newRow("alpha 1e400") << QStringList{"--alpha", "1e400"} << "finite";
    QTest::newRow("xmax 1e400") << QStringList{"--xmax", "1e400"} << "finite";
    QTest::newRow("xmin -1e400") << QStringList{"--xmin", "-1e400"} << "finite";
    QTest::newRow("scale 1e400") << QStringList{"--scale", "1e400"} << "from 0.5 to 8";
    QTest::newRow("curve 1e400") << QStringList{"--curve", "elu:alpha=1e400"} << "finite";
    QTest::newRow("alpha hex") << QStringList{"--alpha", "0x1p0"} << "from 0 to 100";
    QTest::newRow("alpha 1,5") << QStringList{"--alpha", "1,5"} << "from 0 to 100";
    QTest::newRow("alpha 1e") << QStringList{"--alpha", "1e"} << "from 0 to 100";
}

void TestCommandLineRules::overflowIsRefused()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, accepted);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Run run = runIn(dir.path(), arguments + QStringList{"--json", "a.json"});
    QByteArray why;
    QVERIFY2(isRefusal(run, why), why);
    QVERIFY2(run.err.contains("'" + arguments[1].toUtf8() + "'"), run.err);
    QVERIFY2(run.err.contains(accepted.toUtf8()), run.err);
    QCOMPARE(entriesOf(dir.path()), QStringList());
}

void TestCommandLineRules::figureExportIsSilentWithoutRuntimeDir_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("png") << QStringList{"--png", "x.png"};
    QTest::newRow("svg and pdf") << QStringList{"--svg", "x.svg", "--pdf", "x.pdf"};
    QTest::newRow("png, stacked, dark")
        << QStringList{"--png", "x.png", "--layout", "stacked", "--theme", "dark"};
}

void TestCommandLineRules::figureExportIsSilentWithoutRuntimeDir()
{
    QFETCH(QStringList, arguments);
    QTemporaryDir dir, temp;
    QVERIFY(dir.isValid() && temp.isValid());
    RunOptions options;
    options.workingDirectory = dir.path();
    options.environment.remove(QStringLiteral("XDG_RUNTIME_DIR"));
    options.environment.insert(QStringLiteral("TMPDIR"), temp.path());
    const Run run = runBinary(arguments, options);
    QVERIFY2(run.exitCode == 0, run.describe());
    QVERIFY2(run.err.isEmpty(), run.err);
    QVERIFY2(run.out.isEmpty(), run.out);
    for (const QString &argument : arguments) {
        if (argument.startsWith(QLatin1String("x.")))
            QVERIFY(QFileInfo(dir.filePath(argument)).size() > 0);
    }
    // Whatever it used for a runtime folder, it left nothing behind.
    QCOMPARE(entriesOf(temp.path()), QStringList());
}

QTEST_APPLESS_MAIN(TestCommandLineRules)
#include "tst_commandlinerules.moc"
