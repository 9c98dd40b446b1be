// SPDX-License-Identifier: MIT
// The session file: exact round trips, defaults, unknown keys, files on disk, validate().
// Refusals are in tst_sessionrefusals, the fuzz test in tst_sessionfuzz.
#include "jsonreader.h"
#include "sessionsamples.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <bit>
#include <cmath>

using namespace sessionsamples;

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

    // Any JSON reader reads it: the keys and values docs/contract.md names.
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
        QCOMPARE(o.value("statistics")["sigma"].toDouble(), 0.0010000000000000002);
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
        const elu::SessionReadResult read = elu::readSession(
            minimalFile().replace("\"elu\"}", "\"elu\", \"colour\": \"#AbCdEf\"}"));
        QVERIFY2(read.session, qPrintable(read.error));
        QCOMPARE(read.session->appearance[0].customRgb, std::optional<quint32>(0xabcdef));
    }

    void jsonReaderKeepsNumbersExactly()
    {
        const elu::JsonReadResult read =
            elu::readJson("\xEF\xBB\xBF [-0.0, -0, 0.1, 1e-300, 5e-324, 1.7976931348623157e308, "
                          "9007199254740993, "
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
        // Escapes of every UTF-8 length, and raw UTF-8, decode to the same text.
        const elu::JsonReadResult text = elu::readJson(R"("\u0041\u00e9\u20ac\ud83d\ude00 Aé€😀")");
        QVERIFY2(text.value, qPrintable(text.error));
        QCOMPARE(text.value->string, QStringLiteral("Aé€😀 Aé€😀"));
    }

    void savesAndReadsFiles()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sub/s.elusession"));
        const elu::WriteResult saved = elu::saveSession(path, richSession());
        QVERIFY2(!saved, qPrintable(saved ? saved->message() : QString()));
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
        QVERIFY(
            elu::readSessionFile(big.fileName()).error.startsWith("1048577 bytes is too large"));
    }

    void validateNamesTheField_data()
    {
        QTest::addColumn<int>("change");
        QTest::addColumn<QString>("error");
        QTest::newRow("valid") << 0 << QString();
        QTest::newRow("appearances")
            << 1 << "curves: 1 appearances for 2 curves; each curve has one";
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
        case 1:
            s.spec.curves.push_back({ActivationId::Relu, 0.0});
            break;
        case 2:
            s.appearance[0].colourSlot = -1;
            break;
        case 3:
            s.appearance[0].customRgb = 0x1000000;
            break;
        case 4:
            s.selectedCurve = 1;
            break;
        case 5:
            s.view.yLower = std::nan("");
            break;
        case 6:
            s.statisticsSigma = -1;
            break;
        case 7:
            s.statisticsMu = INFINITY;
            break;
        case 8:
            s.spec.curves.clear();
            s.appearance.clear();
            break;
        case 9:
            s.spec.curves[0].parameter = -1;
            break;
        default:
            break;
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
