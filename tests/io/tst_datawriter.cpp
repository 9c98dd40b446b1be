// SPDX-License-Identifier: MIT
#include "datawriter.h"
#include "elu.h"
#include "samplegrid.h"
#include "testsupport.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <charconv>

using testsupport::ulpBound;
using testsupport::ulpDistance;

namespace {

QByteArray jsonTextOf(const elu::PlotSpec &parameters)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    return elu::writeJson(buffer, parameters) ? buffer.data() : QByteArray();
}

// Parsed as a reader written for the article's file would: a JSON library, keys by name.
QJsonObject jsonOf(const elu::PlotSpec &parameters)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(jsonTextOf(parameters), &error);
    if (error.error != QJsonParseError::NoError)
        qWarning() << "JSON does not parse:" << error.errorString();
    return document.object();
}

using testsupport::parseNumber;

quint64 bitsOf(double value)
{
    return std::bit_cast<quint64>(value);
}

} // namespace

class TestDataWriter : public QObject
{
    Q_OBJECT

private slots:
    void jsonHasArticleKeysAndMetadata();
    void jsonRoundTripsBitForBit_data();
    void jsonRoundTripsBitForBit();
    void exportedValuesWithinUlpBound_data() { jsonRoundTripsBitForBit_data(); }
    void exportedValuesWithinUlpBound();
    void csvRoundTripsBitForBit();
    void saveCreatesParentFolders();
    void saveReplacesExistingFile();
    void failedWriteKeepsExistingFile();
};

void TestDataWriter::jsonHasArticleKeysAndMetadata()
{
    const QJsonObject json = jsonOf(testsupport::eluSpec(1.0, -2.0, 2.0, 1000));
    // What the article's reader uses: three arrays of 1000 numbers.
    for (const char *key : {"x", "y", "yp"}) {
        const QJsonArray array = json.value(QLatin1String(key)).toArray();
        QCOMPARE(array.size(), 1000);
        QVERIFY(array.first().isDouble());
    }
    QCOMPARE(json.value(QStringLiteral("activation")).toString(), QStringLiteral("elu"));
    QCOMPARE(json.value(QStringLiteral("alpha")).toDouble(), 1.0);
    QCOMPARE(json.value(QStringLiteral("xmin")).toDouble(), -2.0);
    QCOMPARE(json.value(QStringLiteral("xmax")).toDouble(), 2.0);
    QCOMPARE(json.value(QStringLiteral("points")).toInteger(), 1000);
    QVERIFY(json.value(QStringLiteral("generator")).toString().startsWith("elu-explorer "));
}

void TestDataWriter::jsonRoundTripsBitForBit_data()
{
    QTest::addColumn<double>("alpha");
    QTest::addColumn<double>("xmin");
    QTest::addColumn<double>("xmax");
    QTest::addColumn<qint64>("points");
    QTest::newRow("article") << 1.0 << -2.0 << 2.0 << qint64(1000);
    QTest::newRow("two points") << 0.5 << -1.0 << 1.0 << qint64(2);
    QTest::newRow("selu alpha") << 1.6732632423543772 << -5.0 << 3.0 << qint64(777);
    QTest::newRow("relu") << 0.0 << -3.0 << 3.0 << qint64(101);
    QTest::newRow("large alpha, tiny x") << 100.0 << -1e-9 << 1e-9 << qint64(1001);
    QTest::newRow("deep negative") << 2.0 << -800.0 << -1.0 << qint64(5001);
    QTest::newRow("several chunks") << 0.1 << -2.0 << 2.0 << qint64(200'003);
}

void TestDataWriter::jsonRoundTripsBitForBit()
{
    QFETCH(double, alpha);
    QFETCH(double, xmin);
    QFETCH(double, xmax);
    QFETCH(qint64, points);
    // Text parsed with from_chars: bit for bit, −0.0 included (QJsonDocument drops its sign).
    const QByteArray json = jsonTextOf(testsupport::eluSpec(alpha, xmin, xmax, points));
    const std::vector<double> xs = testsupport::jsonNumbers(json, "x");
    const std::vector<double> ys = testsupport::jsonNumbers(json, "y");
    const std::vector<double> yps = testsupport::jsonNumbers(json, "yp");
    QCOMPARE(qint64(xs.size()), points);
    QCOMPARE(qint64(ys.size()), points);
    QCOMPARE(qint64(yps.size()), points);
    const elu::SampleGrid grid(xmin, xmax, points);
    for (qint64 i = 0; i < points; ++i) {
        const double x = grid.x(i);
        QCOMPARE(bitsOf(xs[i]), bitsOf(x));
        QCOMPARE(bitsOf(ys[i]), bitsOf(elu::value(x, alpha)));
        QCOMPARE(bitsOf(yps[i]), bitsOf(elu::derivative(x, alpha)));
    }
}

void TestDataWriter::exportedValuesWithinUlpBound()
{
    QFETCH(double, alpha);
    QFETCH(double, xmin);
    QFETCH(double, xmax);
    QFETCH(qint64, points);
    const QByteArray json = jsonTextOf(testsupport::eluSpec(alpha, xmin, xmax, points));
    const std::vector<double> xs = testsupport::jsonNumbers(json, "x");
    const std::vector<double> ys = testsupport::jsonNumbers(json, "y");
    const std::vector<double> yps = testsupport::jsonNumbers(json, "yp");
    QCOMPARE(qint64(xs.size()), points);
    for (std::size_t i = 0; i < xs.size(); ++i) {
        const double x = xs[i];
        QVERIFY2(ulpDistance(ys[i], testsupport::referenceValue(x, alpha)) <= ulpBound(alpha),
                 qPrintable(QStringLiteral("y at x = %1").arg(x, 0, 'g', 17)));
        QVERIFY2(ulpDistance(yps[i], testsupport::referenceDerivative(x, alpha)) <= ulpBound(alpha),
                 qPrintable(QStringLiteral("yp at x = %1").arg(x, 0, 'g', 17)));
    }
}

void TestDataWriter::csvRoundTripsBitForBit()
{
    const elu::PlotSpec parameters = testsupport::eluSpec(0.7, -4.0, 1.5, 70'001);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QVERIFY(elu::writeCsv(buffer, parameters));
    const QList<QByteArray> lines = buffer.data().split('\n');
    QCOMPARE(lines.first(), QByteArray("x,y,yp"));
    QCOMPARE(lines.size(), parameters.points + 2); // header, rows, empty after the last newline
    QVERIFY(lines.last().isEmpty());
    const elu::SampleGrid grid(parameters.xmin, parameters.xmax, parameters.points);
    for (qint64 i = 0; i < parameters.points; ++i) {
        const QList<QByteArray> fields = lines[i + 1].split(',');
        QCOMPARE(fields.size(), 3);
        const double x = grid.x(i);
        QCOMPARE(parseNumber(fields[0]), x);
        QCOMPARE(parseNumber(fields[1]), elu::value(x, parameters.curves.front().parameter));
        QCOMPARE(parseNumber(fields[2]), elu::derivative(x, parameters.curves.front().parameter));
    }
}

void TestDataWriter::saveCreatesParentFolders()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("data/activations/elu.json"));
    QCOMPARE(elu::saveJson(path, {}).has_value(), false);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(QJsonDocument::fromJson(file.readAll()).object().contains(QStringLiteral("yp")));
}

void TestDataWriter::saveReplacesExistingFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("elu.csv"));
    QFile old(path);
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.write("old contents that are longer than a tiny CSV file would be, surely\n");
    old.close();
    QVERIFY(!elu::saveCsv(path, testsupport::eluSpec(1.0, -1.0, 1.0, 2)));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(),
             QByteArray("x,y,yp\n-1,-0.6321205588285577,0.36787944117144233\n1,1,1\n"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1);
}

void TestDataWriter::failedWriteKeepsExistingFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("kept.json"));
    QFile old(path);
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.write("{\"x\": [1]}");
    old.close();
    // A folder where the parent should be: the write must fail and touch nothing.
    const elu::WriteResult result = elu::saveJson(path + QStringLiteral("/inner.json"), {});
    QVERIFY(result.has_value());
    QVERIFY2(result->message().contains(QStringLiteral("kept.json")),
             qPrintable(result->message()));
    QVERIFY2(result->reason.contains(QStringLiteral("not a folder")), qPrintable(result->reason));
    QVERIFY(old.open(QIODevice::ReadOnly));
    QCOMPARE(old.readAll(), QByteArray("{\"x\": [1]}"));
}

QTEST_APPLESS_MAIN(TestDataWriter)
#include "tst_datawriter.moc"
