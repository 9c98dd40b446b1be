// SPDX-License-Identifier: MIT
// The session file: exact round trips, defaults, and a refusal naming the key or offset for
// every kind of bad input.
#include "jsonreader.h"
#include "sessionfile.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <bit>
#include <cmath>

using elu::ActivationId;

namespace {

// Eight curves, custom colours, hidden curves, stacked, and doubles that only an exact writer
// and reader keep: 0.1, 1e-300, the smallest subnormal, −0.0.
elu::Session richSession()
{
    elu::Session s;
    s.spec.curves = {{ActivationId::Elu, 0.1},       {ActivationId::Elu, 1e-300},
                     {ActivationId::Relu, 0.0},      {ActivationId::LeakyRelu, 0.30000000000000004},
                     {ActivationId::Softplus, 2.5},  {ActivationId::Gelu, 0.0},
                     {ActivationId::Celu, 100.0},    {ActivationId::Elu, -0.0}};
    s.appearance.assign(8, {});
    for (int i = 0; i < 8; ++i)
        s.appearance[std::size_t(i)].colourSlot = 7 - i;
    s.appearance[1].customRgb = 0x000000;
    s.appearance[2].customRgb = 0xffffff;
    s.appearance[5].customRgb = 0x0a0b0c;
    s.appearance[3].visible = false;
    s.appearance[7].visible = false;
    s.selectedCurve = 6;
    s.spec.xmin = -0.0;
    s.spec.xmax = 1e-300;
    s.spec.points = 10'000'000;
    s.view = {-1.7976931348623157e308, 4.9406564584124654e-324, -0.1, 2.2250738585072014e-308,
              false};
    s.layout = elu::PlotLayout::Stacked;
    s.figure = {10000, 200, 0.7000000000000001, elu::FigureTheme::Transparent};
    s.statisticsMu = -0.0;
    s.statisticsSigma = 5e-324;
    return s;
}

QByteArray minimalFile(const QByteArray &rest = {})
{
    return R"({"format": "elu-explorer-session", "version": 1, "curves": [{"activation": "elu"}])"
           + rest + "}";
}

// Every double of a session, to compare bits (== calls −0.0 and +0.0 equal).
std::vector<quint64> bitsOf(const elu::Session &s)
{
    std::vector<double> values{s.spec.xmin,   s.spec.xmax,   s.view.xLower,  s.view.xUpper,
                               s.view.yLower, s.view.yUpper, s.figure.scale, s.statisticsMu,
                               s.statisticsSigma};
    for (const elu::Curve &curve : s.spec.curves)
        values.push_back(curve.parameter);
    std::vector<quint64> bits;
    for (double value : values)
        bits.push_back(std::bit_cast<quint64>(value));
    return bits;
}

// `text` with its first occurrence of `from` replaced by `to`.
QByteArray replaced(QByteArray text, const QByteArray &from, const QByteArray &to)
{
    const qsizetype at = text.indexOf(from);
    return at < 0 ? QByteArray("replaced: no ") + from : text.replace(at, from.size(), to);
}

} // namespace

class TestSessionFile : public QObject
{
    Q_OBJECT

private slots:
    void roundTripsBitForBit()
    {
        const elu::Session session = richSession();
        QCOMPARE(elu::validate(session), QString());
        const QByteArray bytes = elu::sessionBytes(session);
        const elu::SessionReadResult read = elu::readSession(bytes);
        QVERIFY2(read.session, qPrintable(read.error));
        QCOMPARE(read.error, QString());
        QVERIFY(*read.session == session);
        QCOMPARE(bitsOf(*read.session), bitsOf(session));
        QCOMPARE(elu::sessionBytes(*read.session), bytes);
        QVERIFY(bytes.contains("\"xmin\": -0.0,"));
        QVERIFY(bytes.contains("\"alpha\": 0.1,"));
        QVERIFY(bytes.contains("\"colour\": \"#0a0b0c\""));
        QVERIFY(bytes.endsWith("}\n"));
    }

    void defaultSessionRoundTrips()
    {
        const elu::Session session;
        const elu::SessionReadResult read = elu::readSession(elu::sessionBytes(session));
        QVERIFY2(read.session, qPrintable(read.error));
        QVERIFY(*read.session == session);
    }

    // Any JSON reader reads it: the keys and values PRODUCT.md names.
    void isPlainJson()
    {
        QJsonParseError error;
        const QJsonObject o =
            QJsonDocument::fromJson(elu::sessionBytes(richSession()), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(o.value("format").toString(), QStringLiteral("elu-explorer-session"));
        QCOMPARE(o.value("version").toInt(), 1);
        QCOMPARE(o.value("curves").toArray().size(), 8);
        QCOMPARE(o.value("curves")[4].toObject().value("beta").toDouble(), 2.5);
        QVERIFY(!o.value("curves")[2].toObject().contains("alpha")); // relu has no parameter
        QCOMPARE(o.value("layout").toString(), QStringLiteral("stacked"));
        QCOMPARE(o.value("figure")["theme"].toString(), QStringLiteral("transparent"));
        QCOMPARE(o.value("statistics")["sigma"].toDouble(), 5e-324);
        QCOMPARE(o.value("view")["fits_data"].toBool(), false);
    }

    void missingOptionalKeysTakeDefaults()
    {
        const elu::SessionReadResult read = elu::readSession(
            R"({"format": "elu-explorer-session", "version": 1, "curves": [
                {"activation": "relu"}, {"activation": "elu"}, {"activation": "softplus"}]})");
        QVERIFY2(read.session, qPrintable(read.error));
        const elu::Session &s = *read.session;
        QCOMPARE(s.spec.curves.size(), std::size_t(3));
        QVERIFY(s.spec.curves[0] == elu::Curve::withDefault(ActivationId::Relu));
        QVERIFY(s.spec.curves[1] == elu::Curve::withDefault(ActivationId::Elu));
        QCOMPARE(s.spec.curves[2].parameter, 1.0);
        for (int i = 0; i < 3; ++i) { // slots in the palette's order, all shown
            QCOMPARE(s.appearance[std::size_t(i)].colourSlot, i);
            QVERIFY(!s.appearance[std::size_t(i)].customRgb);
            QVERIFY(s.appearance[std::size_t(i)].visible);
        }
        elu::Session expected;
        expected.spec.curves = s.spec.curves;
        expected.appearance = s.appearance;
        QVERIFY(s == expected);
    }

    void unknownKeysAreIgnored()
    {
        const QByteArray plain = elu::sessionBytes(richSession());
        QByteArray extended = replaced(plain, "\"version\": 1,",
                                       "\"version\": 1, \"comment\": {\"nested\": [1, null, "
                                       "{\"x\": \"\\u00e9\\ud83d\\ude00\"}]}, \"future\": 1e300,");
        extended = replaced(extended, "{\"activation\": \"relu\"",
                            "{\"note\": \"hi\", \"alpha\": 5, \"activation\": \"relu\"");
        extended = replaced(extended, "\"fits_data\"", "\"zoom_history\": [], \"fits_data\"");
        extended = replaced(extended, "\"theme\"", "\"dpi\": 300, \"theme\"");
        const elu::SessionReadResult read = elu::readSession(extended);
        QVERIFY2(read.session, qPrintable(read.error));
        QCOMPARE(bitsOf(*read.session), bitsOf(richSession()));
        QVERIFY(*read.session == richSession());
    }

    void nullColourMeansNone()
    {
        const elu::SessionReadResult read = elu::readSession(minimalFile().replace(
            "\"elu\"}", "\"elu\", \"colour\": null, \"colour_slot\": 3, \"visible\": false}"));
        QVERIFY2(read.session, qPrintable(read.error));
        QCOMPARE(read.session->appearance[0], (elu::CurveAppearance{3, std::nullopt, false}));
    }

    void colourIsReadInEitherCase()
    {
        const elu::SessionReadResult read =
            elu::readSession(minimalFile().replace("\"elu\"}", "\"elu\", \"colour\": \"#AbCdEf\"}"));
        QVERIFY2(read.session, qPrintable(read.error));
        QCOMPARE(read.session->appearance[0].customRgb, std::optional<quint32>(0xabcdef));
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("error");
        const QByteArray valid = elu::sessionBytes(richSession());
        auto change = [&](const char *tag, const QByteArray &from, const QByteArray &to,
                          const QString &error) {
            QTest::newRow(tag) << replaced(valid, from, to) << error;
        };
        QTest::newRow("empty") << QByteArray() << "not JSON at byte 0: the text is empty";
        QTest::newRow("blank") << QByteArray(" \n") << "not JSON at byte 2: the text is empty";
        QTest::newRow("not JSON") << QByteArray("hello")
                                  << "not JSON at byte 0: a value is expected (a number, string, "
                                     "object, array, true, false or null)";
        QTest::newRow("truncated") << valid.left(200)
                                   << "not JSON at byte 200: the text ends early (truncated?)";
        QTest::newRow("syntax") << QByteArray(R"({"format": "elu-explorer-session",, "v": 1})")
                                << "not JSON at byte 34: a key (a string in double quotes) is "
                                   "expected";
        QTest::newRow("trailing comma") << QByteArray("{\"a\": [1, 2,]}")
                                        << "not JSON at byte 12: a value is expected";
        QTest::newRow("after the end") << valid + "x"
                                       << QStringLiteral("not JSON at byte %1: nothing may follow")
                                              .arg(valid.size());
        QTest::newRow("NaN") << replaced(valid, "\"mu\": -0.0", "\"mu\": NaN")
                             << "not JSON at byte " + QString::number(valid.indexOf("-0.0,"
                                                                                    " \"sigma\""))
                                    + ": a value is expected";
        QTest::newRow("huge number") << QByteArray(R"({"format": 1e999})")
                                     << "not JSON at byte 11: the number is too large or too "
                                        "small for a double";
        QTest::newRow("bad UTF-8") << QByteArray("{\"format\": \"\xC3\x28\"}")
                                   << "not JSON at byte 12: not valid UTF-8";
        QTest::newRow("overlong UTF-8") << QByteArray("{\"format\": \"\xC0\xAF\"}")
                                        << "not JSON at byte 12: not valid UTF-8";
        QTest::newRow("lone surrogate") << QByteArray(R"({"format": "\ud800x"})")
                                        << "not JSON at byte 12: a high surrogate without";
        QTest::newRow("control character") << QByteArray("{\"format\": \"a\tb\"}")
                                           << "not JSON at byte 13: a control character";
        QTest::newRow("deep") << QByteArray(100'000, '[') << "not JSON at byte 16: arrays and "
                                                             "objects nest too deep";
        QTest::newRow("too large") << QByteArray(elu::limits::sessionBytesMax + 1, ' ')
                                   << "1048577 bytes is too large for a session file";
        QTest::newRow("array") << QByteArray("[]")
                               << "the file holds an array, not a session object";
        QTest::newRow("number") << QByteArray("1") << "the file holds a single value";
        change("no format", "\"format\": \"elu-explorer-session\",", "",
               "format: missing: this is not an ELU Explorer session");
        change("other format", "elu-explorer-session", "elu-explorer-settings",
               "format: \"elu-explorer-settings\" is not accepted: this is not an ELU Explorer "
               "session");
        change("newer version", "\"version\": 1", "\"version\": 2",
               "version 2 is newer than this ELU Explorer reads (1)");
        change("version twice", "\"curves\"", "\"version\": 7, \"curves\"",
               "version: given more than once");
        change("no version", "\"version\": 1,", "", "version: missing (a required key)");
        change("version as text", "\"version\": 1", "\"version\": \"1\"",
               "version: \"1\" is not accepted: the version is a whole number from 1");
        change("version 1.5", "\"version\": 1", "\"version\": 1.5",
               "version: 1.5 is not accepted");
        change("no curves", "\"curves\"", "\"kurves\"", "curves: missing (a required key)");
        change("curves not an array", "\"curves\": [", "\"curves\": 3, \"x\": [",
               "curves: 3 is not accepted: an array of curves is required");
        QTest::newRow("no curve") << minimalFile().replace("[{\"activation\": \"elu\"}]", "[]")
                                  << "curves: 0 curves are not accepted: a plot holds 1 to 8 "
                                     "curves (got 0)";
        change("nine curves", "\"curves\": [", "\"curves\": [{\"activation\": \"mish\"},",
               "curves: 9 curves are not accepted: a plot holds 1 to 8 curves (got 9)");
        change("curve not an object", "\"curves\": [", "\"curves\": [\"elu\", ",
               "curves[0]: \"elu\" is not accepted: a curve is an object");
        change("no activation", "\"activation\": \"relu\",", "",
               "curves[2].activation: missing (a required key)");
        change("unknown activation", "\"relu\"", "\"rellu\"",
               "curves[2].activation: \"rellu\" is not accepted: the activation must be one of "
               "relu, leaky_relu");
        change("alpha 200", "\"alpha\": 1e-300", "\"alpha\": 200",
               "curves[1].alpha: 200 is not accepted: alpha must be a finite number from 0 to 100");
        change("alpha text", "\"alpha\": 1e-300", "\"alpha\": \"1\"",
               "curves[1].alpha: \"1\" is not accepted: alpha must be a finite number");
        change("negative slope", "\"negative_slope\": 0.30000000000000004",
               "\"negative_slope\": -1",
               "curves[3].negative_slope: -1 is not accepted: negative_slope must be");
        change("beta 0", "\"beta\": 2.5", "\"beta\": 0", "curves[4].beta: 0 is not accepted");
        change("alpha twice", "\"alpha\": 0.1", "\"alpha\": 0.1, \"alpha\": 0.2",
               "curves[0].alpha: given more than once");
        change("colour slot 8", "\"colour_slot\": 7", "\"colour_slot\": 8",
               "curves[0].colour_slot: 8 is not accepted: a colour slot is a whole number from "
               "0 to 7");
        change("colour slot 1.5", "\"colour_slot\": 7", "\"colour_slot\": 1.5",
               "curves[0].colour_slot: 1.5 is not accepted");
        change("colour name", "\"#0a0b0c\"", "\"red\"",
               "curves[5].colour: \"red\" is not accepted: a colour is \"#rrggbb\"");
        change("colour short", "\"#0a0b0c\"", "\"#0a0b0\"", "curves[5].colour: \"#0a0b0\"");
        change("colour 0x", "\"#0a0b0c\"", "\"#0x0b0c\"", "curves[5].colour: \"#0x0b0c\"");
        change("colour number", "\"#0a0b0c\"", "660236", "curves[5].colour: 660236 is not");
        change("visible text", "\"visible\": true", "\"visible\": \"yes\"",
               "curves[0].visible: \"yes\" is not accepted: true or false");
        change("same curve twice", "\"alpha\": 0.1", "\"alpha\": 1e-300",
               "curves: the curve elu:alpha=1e-300 is given twice");
        change("selected curve 8", "\"selected_curve\": 6", "\"selected_curve\": 8",
               "selected_curve: 8 is not accepted: the selected curve is an index from 0 to 7");
        change("xmin text", "\"xmin\": -0.0", "\"xmin\": \"-2\"",
               "xmin: \"-2\" is not accepted: a finite number is required");
        change("xmin above xmax", "\"xmin\": -0.0", "\"xmin\": 1",
               "xmin, xmax: xmin must be less than xmax (got xmin = 1, xmax = 1e-300)");
        change("points 1", "\"points\": 10000000", "\"points\": 1",
               "points: 1 is not accepted: the number of points must be a whole number from 2");
        change("points 1e300", "\"points\": 10000000", "\"points\": 1e300",
               "points: 1e+300 is not accepted");
        change("points 2.5", "\"points\": 10000000", "\"points\": 2.5",
               "points: 2.5 is not accepted");
        change("view not an object", "\"view\": {", "\"view\": [], \"v\": {",
               "view: an array is not accepted: an object is required");
        change("view reversed", "\"x_upper\": 5e-324", "\"x_upper\": -1.7976931348623157e308",
               "view.x_lower, view.x_upper: -1.7976931348623157e+308, -1.7976931348623157e+308 "
               "is not accepted: the ends must be finite and lower less than upper");
        change("fits_data null", "\"fits_data\": false", "\"fits_data\": null",
               "view.fits_data: null is not accepted: true or false");
        change("layout", "\"stacked\"", "\"side by side\"",
               "layout: \"side by side\" is not accepted: the layout must be one of overlaid, "
               "stacked");
        change("layout case", "\"stacked\"", "\"Stacked\"", "layout: \"Stacked\" is not");
        change("sigma 0", "\"sigma\": 5e-324", "\"sigma\": 0",
               "statistics.sigma: 0 is not accepted: σ must be a finite number greater than 0");
        change("mu object", "\"mu\": -0.0", "\"mu\": {}",
               "statistics.mu: an object is not accepted: a finite number is required");
        change("statistics text", "\"statistics\": {", "\"statistics\": \"x\", \"s\": {",
               "statistics: \"x\" is not accepted: an object is required");
        change("width 100", "\"width\": 10000", "\"width\": 100",
               "figure.width: 100 is not accepted: a figure side must be a whole number of "
               "pixels from 200 to 10000");
        change("height huge", "\"height\": 200", "\"height\": 1e20",
               "figure.height: 1e+20 is not accepted");
        change("scale 9", "\"scale\": 0.7000000000000001", "\"scale\": 9",
               "figure.scale: 9 is not accepted: the scale must be a number from 0.5 to 8");
        change("pixel budget", "\"scale\": 0.7000000000000001", "\"scale\": 8",
               "figure.scale: 8 is not accepted: width × scale × height × scale must stay within "
               "100 million pixels");
        change("theme", "\"transparent\"", "\"blue\"",
               "figure.theme: \"blue\" is not accepted: the theme must be one of light, dark, "
               "transparent");
        const QString longName(500, QLatin1Char('x'));
        change("long string", "\"transparent\"", '"' + longName.toUtf8() + '"',
               "figure.theme: \"" + longName.left(40) + "…\" is not accepted");
    }

    void refusals()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, error);
        const elu::SessionReadResult read = elu::readSession(bytes);
        QVERIFY2(!read.session, "accepted");
        QVERIFY2(read.error.startsWith(error), qPrintable(read.error));
        QVERIFY(!read.error.contains(QLatin1Char('\n')));
    }

    void newerVersionIsRefusedWhateverItHolds()
    {
        const elu::SessionReadResult read =
            elu::readSession(R"({"format": "elu-explorer-session", "version": 2, "curves": 42})");
        QCOMPARE(read.error, QStringLiteral("version 2 is newer than this ELU Explorer reads (1); "
                                            "a newer ELU Explorer opens it"));
    }

    void jsonReaderKeepsNumbersExactly()
    {
        const elu::JsonReadResult read = elu::readJson(
            "\xEF\xBB\xBF [-0.0, -0, 0.1, 1e-300, 5e-324, 1.7976931348623157e308, 9007199254740993, "
            "0E+0, \"\\u00e9\\/\\n\", true, null, {}]");
        QVERIFY2(read.value, qPrintable(read.error));
        const std::vector<elu::JsonValue> &items = read.value->items;
        QCOMPARE(items.size(), std::size_t(12));
        QVERIFY(std::signbit(items[0].number) && items[0].number == 0.0);
        QVERIFY(std::signbit(items[1].number));
        QCOMPARE(items[2].number, 0.1);
        QCOMPARE(items[3].number, 1e-300);
        QCOMPARE(items[4].number, 5e-324);
        QCOMPARE(items[5].number, 1.7976931348623157e308);
        QCOMPARE(items[6].number, 9007199254740992.0); // nearest double, ties to even
        QCOMPARE(items[8].string, QStringLiteral("é/\n"));
        QCOMPARE(items[3].offset, qsizetype(20));
        QCOMPARE(items[11].type, elu::JsonValue::Type::Object);
    }

    void savesAndReadsFiles()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sub/s.elusession"));
        QCOMPARE(elu::saveSession(path, richSession()), elu::WriteResult());
        const elu::SessionReadResult read = elu::readSessionFile(path);
        QVERIFY2(read.session, qPrintable(read.error));
        QCOMPARE(bitsOf(*read.session), bitsOf(richSession()));
        QCOMPARE(QDir(dir.filePath("sub")).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("s.elusession")});
    }

    void invalidSessionIsNotSaved()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("s.elusession"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write("old") == 3);
        file.close();
        elu::Session session;
        session.appearance.clear();
        const elu::WriteResult result = elu::saveSession(path, session);
        QVERIFY(result);
        QVERIFY2(result->reason.contains(QStringLiteral("curves: 0 appearances for 1 curves")),
                 qPrintable(result->reason));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("old"));
    }

    void unreadableFilesAreRefused()
    {
        QTemporaryDir dir;
        QCOMPARE(elu::readSessionFile(dir.filePath("none.elusession")).error,
                 QStringLiteral("no such file"));
        QCOMPARE(elu::readSessionFile(dir.path()).error,
                 QStringLiteral("a folder, not a session file"));
        QCOMPARE(elu::readSessionFile(QStringLiteral("/dev/null")).error,
                 QStringLiteral("not a regular file"));
        QFile big(dir.filePath("big.elusession"));
        QVERIFY(big.open(QIODevice::WriteOnly) && big.resize(elu::limits::sessionBytesMax + 1));
        big.close();
        QVERIFY(elu::readSessionFile(big.fileName()).error.startsWith("1048577 bytes is too large"));
    }

    void validateNamesTheField_data()
    {
        QTest::addColumn<int>("change");
        QTest::addColumn<QString>("error");
        QTest::newRow("valid") << 0 << QString();
        QTest::newRow("appearances") << 1 << "curves: 1 appearances for 2 curves; each curve has one";
        QTest::newRow("slot") << 2 << "curves[0].colour_slot: -1 is not accepted";
        QTest::newRow("rgb") << 3 << "curves[0].colour: 1000000 is not accepted";
        QTest::newRow("selected") << 4 << "selected_curve: 1 is not accepted";
        QTest::newRow("view") << 5 << "view.y_lower, view.y_upper: nan, 1 is not accepted";
        QTest::newRow("sigma") << 6 << "statistics.sigma: -1 is not accepted";
        QTest::newRow("mu") << 7 << "statistics.mu: inf is not accepted";
        QTest::newRow("curves") << 8 << "curves: a plot holds 1 to 8 curves (got 0)";
        QTest::newRow("parameter") << 9 << "curves[0].alpha: -1 is not accepted";
    }

    void validateNamesTheField()
    {
        QFETCH(int, change);
        QFETCH(QString, error);
        elu::Session s;
        switch (change) {
        case 1: s.spec.curves.push_back({ActivationId::Relu, 0.0}); break;
        case 2: s.appearance[0].colourSlot = -1; break;
        case 3: s.appearance[0].customRgb = 0x1000000; break;
        case 4: s.selectedCurve = 1; break;
        case 5: s.view.yLower = std::nan(""); break;
        case 6: s.statisticsSigma = -1; break;
        case 7: s.statisticsMu = INFINITY; break;
        case 8: s.spec.curves.clear(); s.appearance.clear(); break;
        case 9: s.spec.curves[0].parameter = -1; break;
        default: break;
        }
        QVERIFY2(elu::validate(s).startsWith(error) && (change != 0 || elu::validate(s).isEmpty()),
                 qPrintable(elu::validate(s)));
    }

    void layoutNames()
    {
        QCOMPARE(elu::layoutName(elu::PlotLayout::Overlaid), QStringLiteral("overlaid"));
        QVERIFY(elu::layoutFromName(QStringLiteral("stacked")) == elu::PlotLayout::Stacked);
        QVERIFY(!elu::layoutFromName(QStringLiteral("Stacked")));
        QCOMPARE(elu::acceptedLayoutNames(), QStringLiteral("overlaid, stacked"));
    }
};

QTEST_GUILESS_MAIN(TestSessionFile)
#include "tst_sessionfile.moc"
