// SPDX-License-Identifier: MIT
// The session file refuses every kind of bad input with one line naming the key or the byte
// offset.
#include "sessionsamples.h"

#include <QTest>

using namespace sessionsamples;

class TestSessionRefusals : public QObject
{
    Q_OBJECT

private slots:
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
        QTest::newRow("truncated")
            << valid.left(200) << "not JSON at byte 200: the text ends early (truncated?)";
        QTest::newRow("syntax") << QByteArray(R"({"format": "elu-explorer-session",, "v": 1})")
                                << "not JSON at byte 34: a key (a string in double quotes) is "
                                   "expected";
        QTest::newRow("trailing comma")
            << QByteArray("{\"a\": [1, 2,]}") << "not JSON at byte 12: a value is expected";
        QTest::newRow("after the end")
            << valid + "x"
            << QStringLiteral("not JSON at byte %1: nothing may follow").arg(valid.size());
        QTest::newRow("NaN") << replaced(valid, "\"mu\": -0.0", "\"mu\": NaN")
                             << "not JSON at byte "
                                    + QString::number(valid.indexOf("-0.0,"
                                                                    " \"sigma\""))
                                    + ": a value is expected";
        QTest::newRow("huge number") << QByteArray(R"({"format": 1e999})")
                                     << "not JSON at byte 11: the number is too large or too "
                                        "small for a double";
        QTest::newRow("bad UTF-8")
            << QByteArray("{\"format\": \"\xC3\x28\"}") << "not JSON at byte 12: not valid UTF-8";
        QTest::newRow("overlong UTF-8")
            << QByteArray("{\"format\": \"\xC0\xAF\"}") << "not JSON at byte 12: not valid UTF-8";
        QTest::newRow("lone surrogate") << QByteArray(R"({"format": "\ud800x"})")
                                        << "not JSON at byte 12: a high surrogate without";
        QTest::newRow("control character")
            << QByteArray("{\"format\": \"a\tb\"}") << "not JSON at byte 13: a control character";
        QTest::newRow("deep") << QByteArray(100'000, '[')
                              << "not JSON at byte 16: arrays and "
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
        change("version 1.5", "\"version\": 1", "\"version\": 1.5", "version: 1.5 is not accepted");
        change("no curves", "\"curves\"", "\"kurves\"", "curves: missing (a required key)");
        change("curves not an array", "\"curves\": [", "\"curves\": 3, \"x\": [",
               "curves: 3 is not accepted: an array of 1 to 8 curves is required");
        QTest::newRow("no curve") << minimalFile().replace("[{\"activation\": \"elu\"}]", "[]")
                                  << "curves: 0 curves are not accepted: a plot holds 1 to 8 "
                                     "curves (got 0)";
        change("nine curves", "\"curves\": [", "\"curves\": [{\"activation\": \"mish\"},",
               "curves: 9 curves are not accepted: a plot holds 1 to 8 curves (got 9)");
        QTest::newRow("curve not an object")
            << minimalFile().replace("{\"activation\": \"elu\"}", "\"elu\"")
            << "curves[0]: \"elu\" is not accepted: a curve is an object with an \"activation\"";
        QTest::newRow("control character shown escaped")
            << minimalFile(", \"layout\": \"a\\nb\"") << "layout: \"a\\u000ab\" is not accepted";
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
        change("sigma 0", "\"sigma\": 0.0010000000000000002", "\"sigma\": 0",
               "statistics.sigma: 0 is not accepted: σ must be a finite number from 0.001 to 10");
        change("mu 11", "\"mu\": -0.0", "\"mu\": 11",
               "statistics.mu: 11 is not accepted: μ must be a finite number from -10 to 10");
        change("mu object", "\"mu\": -0.0", "\"mu\": {}",
               "statistics.mu: an object is not accepted: μ must be a finite number");
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
};

QTEST_GUILESS_MAIN(TestSessionRefusals)
#include "tst_sessionrefusals.moc"
