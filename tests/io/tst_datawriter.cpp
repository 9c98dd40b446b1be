// SPDX-License-Identifier: MIT
#include "activationfunctions.h"
#include "datawriter.h"
#include "elu.h"
#include "filesupport.h"
#include "samplegrid.h"
#include "testsupport.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <charconv>
#include <cmath>
#include <tuple>

using testsupport::ulpBound;
using testsupport::ulpDistance;

using testsupport::contentsOf;
using testsupport::entriesOf;

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

using Id = elu::ActivationId;

// A spec of the given curves on [xmin, xmax] at N points.
elu::PlotSpec specOf(std::vector<elu::Curve> curves, double xmin, double xmax, qint64 points)
{
    elu::PlotSpec spec;
    spec.curves = std::move(curves);
    spec.xmin = xmin;
    spec.xmax = xmax;
    spec.points = points;
    return spec;
}

std::vector<elu::Curve> curvesOf(const QList<int> &ids, const QList<double> &parameters)
{
    std::vector<elu::Curve> curves;
    for (qsizetype i = 0; i < ids.size(); ++i)
        curves.push_back({Id(ids[i]), parameters[i]});
    return curves;
}

QByteArray curveJsonText(const elu::PlotSpec &spec, const elu::Curve &curve)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    return elu::writeJson(buffer, spec, curve) ? buffer.data() : QByteArray();
}

QByteArray csvText(const elu::PlotSpec &spec)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    return elu::writeCsv(buffer, spec) ? buffer.data() : QByteArray();
}

// The value and derivative an activation must export, by hand where the function is
// elementary (relu, leaky_relu, the positive side of selu) and from the core's functions
// otherwise: these tests are about the writer, not the numerics.
double expectedValue(const elu::Curve &curve, double x)
{
    const double p = curve.parameter;
    switch (curve.activation) {
    case Id::Relu:
        return x > 0 ? x : 0.0;
    case Id::LeakyRelu:
        return x > 0 ? x : p * x;
    case Id::Elu:
        return elu::value(x, p);
    case Id::Celu:
        return elu::fn::celu(x, p);
    case Id::Selu:
        return x > 0 ? 1.0507009873554805 * x : elu::fn::selu(x);
    case Id::Gelu:
        return elu::fn::gelu(x);
    case Id::GeluTanh:
        return elu::fn::geluTanh(x);
    case Id::Silu:
        return elu::fn::silu(x);
    case Id::Softplus:
        return elu::fn::softplus(x, p);
    case Id::Mish:
        return elu::fn::mish(x);
    case Id::Sigmoid:
        return elu::fn::sigmoid(x);
    case Id::Tanh:
        return elu::fn::tanh(x);
    }
    return std::nan("");
}

double expectedDerivative(const elu::Curve &curve, double x)
{
    const double p = curve.parameter;
    switch (curve.activation) {
    case Id::Relu:
        return x > 0 ? 1.0 : 0.0;
    case Id::LeakyRelu:
        return x > 0 ? 1.0 : p;
    case Id::Elu:
        return elu::derivative(x, p);
    case Id::Celu:
        return elu::fn::celuDerivative(x, p);
    case Id::Selu:
        return x > 0 ? 1.0507009873554805 : elu::fn::seluDerivative(x);
    case Id::Gelu:
        return elu::fn::geluDerivative(x);
    case Id::GeluTanh:
        return elu::fn::geluTanhDerivative(x);
    case Id::Silu:
        return elu::fn::siluDerivative(x);
    case Id::Softplus:
        return elu::fn::softplusDerivative(x, p);
    case Id::Mish:
        return elu::fn::mishDerivative(x);
    case Id::Sigmoid:
        return elu::fn::sigmoidDerivative(x);
    case Id::Tanh:
        return elu::fn::tanhDerivative(x);
    }
    return std::nan("");
}

// The text a plain single-threaded writer gives, number by number with std::to_chars (−0.0 as
// "-0.0"): what the parallel writers must write, byte for byte.
void appendPlain(std::string &out, double value)
{
    if (value == 0.0 && std::signbit(value)) {
        out += "-0.0";
        return;
    }
    char text[64];
    out.append(text, std::to_chars(text, text + sizeof text, value).ptr);
}

QByteArray plainJson(const elu::PlotSpec &spec, const elu::Curve &curve)
{
    const elu::Activation &row = curve.descriptor();
    const elu::SampleGrid grid(spec.xmin, spec.xmax, spec.points);
    std::string out = "{\n \"activation\": \"" + std::string(row.name) + "\",\n";
    if (row.parameter) {
        out += " \"" + std::string(row.parameter->keyword) + "\": ";
        appendPlain(out, curve.parameter);
        out += ",\n";
    }
    out += " \"xmin\": ";
    appendPlain(out, spec.xmin);
    out += ",\n \"xmax\": ";
    appendPlain(out, spec.xmax);
    out += ",\n \"points\": " + std::to_string(spec.points) + ",\n \"generator\": \""
           + elu::generatorName().toStdString() + "\",\n";
    for (const char *key : {"x", "y", "yp"}) {
        out += std::string(" \"") + key + "\": [";
        for (qint64 i = 0; i < spec.points; ++i) {
            if (i > 0)
                out += ',';
            const double x = grid.x(i);
            appendPlain(out, key == std::string("x")   ? x
                             : key == std::string("y") ? curve.value(x)
                                                       : curve.derivative(x));
        }
        out += key == std::string("yp") ? "]\n}\n" : "],\n";
    }
    return QByteArray::fromStdString(out);
}

QByteArray plainCsv(const elu::PlotSpec &spec)
{
    const elu::SampleGrid grid(spec.xmin, spec.xmax, spec.points);
    std::string out = "x";
    if (spec.curves.size() == 1) {
        out += ",y,yp";
    } else {
        for (const QString &label : elu::curveLabels(spec.curves)) {
            const std::string name = label.toStdString();
            out.append(",").append(name).append(".y,").append(name).append(".yp");
        }
    }
    out += '\n';
    for (qint64 i = 0; i < spec.points; ++i) {
        const double x = grid.x(i);
        appendPlain(out, x);
        for (const elu::Curve &curve : spec.curves) {
            out += ',';
            appendPlain(out, curve.value(x));
            out += ',';
            appendPlain(out, curve.derivative(x));
        }
        out += '\n';
    }
    return QByteArray::fromStdString(out);
}

// Equal as numbers (+0 and −0 alike: the sign of a zero is not part of the catalogue's
// contract beyond ELU).
bool sameNumber(double a, double b)
{
    return a == b || (std::isnan(a) && std::isnan(b));
}

QString sampleMessage(const char *what, double x, double actual, double expected)
{
    return QStringLiteral("%1 at x = %2: %3, expected %4")
        .arg(QLatin1String(what))
        .arg(x, 0, 'g', 17)
        .arg(actual, 0, 'g', 17)
        .arg(expected, 0, 'g', 17);
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

    // The activation catalogue: one curve per file, several curves per table.
    void jsonHasTheParameterUnderItsKeyword_data();
    void jsonHasTheParameterUnderItsKeyword();
    void jsonValuesOfEveryActivation_data();
    void jsonValuesOfEveryActivation();
    void curveLabels_data();
    void curveLabels();
    void saveJsonFolderWritesOneFilePerCurve();
    void saveJsonFolderRefusesAFile();
    void csvWithSeveralCurves_data();
    void csvWithSeveralCurves();
    void positiveSideShortcutOnlyForIdentity_data();
    void positiveSideShortcutOnlyForIdentity();
    void filesAreThePlainSequentialText_data();
    void filesAreThePlainSequentialText();
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
    // x > 0 throughout: y is the text of x, reused chunk by chunk (one chunk, and several).
    QTest::newRow("positive, one chunk") << 1.0 << 0.25 << 3.0 << qint64(1000);
    QTest::newRow("positive, several chunks") << 0.5 << 0.5 << 2.0 << qint64(100'003);
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

void TestDataWriter::jsonHasTheParameterUnderItsKeyword_data()
{
    // `keyword` empty: the activation has no parameter and the file must have no parameter key.
    QTest::addColumn<int>("id");
    QTest::addColumn<double>("parameter");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("keyword");
    QTest::newRow("relu") << int(Id::Relu) << 0.0 << "relu" << QString();
    QTest::newRow("leaky_relu") << int(Id::LeakyRelu) << 0.01 << "leaky_relu"
                                << "negative_slope";
    QTest::newRow("elu 0.5") << int(Id::Elu) << 0.5 << "elu"
                             << "alpha";
    QTest::newRow("celu 2") << int(Id::Celu) << 2.0 << "celu"
                            << "alpha";
    QTest::newRow("selu") << int(Id::Selu) << 0.0 << "selu" << QString();
    QTest::newRow("gelu") << int(Id::Gelu) << 0.0 << "gelu" << QString();
    QTest::newRow("gelu_tanh") << int(Id::GeluTanh) << 0.0 << "gelu_tanh" << QString();
    QTest::newRow("silu") << int(Id::Silu) << 0.0 << "silu" << QString();
    QTest::newRow("softplus 2") << int(Id::Softplus) << 2.0 << "softplus"
                                << "beta";
    QTest::newRow("mish") << int(Id::Mish) << 0.0 << "mish" << QString();
    QTest::newRow("sigmoid") << int(Id::Sigmoid) << 0.0 << "sigmoid" << QString();
    QTest::newRow("tanh") << int(Id::Tanh) << 0.0 << "tanh" << QString();
}

void TestDataWriter::jsonHasTheParameterUnderItsKeyword()
{
    QFETCH(int, id);
    QFETCH(double, parameter);
    QFETCH(QString, name);
    QFETCH(QString, keyword);
    const elu::Curve curve{Id(id), parameter};
    const elu::PlotSpec spec = specOf({curve}, -3.0, 3.0, 61);
    QJsonParseError error;
    const QJsonObject json = QJsonDocument::fromJson(curveJsonText(spec, curve), &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));

    QStringList expectedKeys{"activation", "generator", "points", "x", "xmax", "xmin", "y", "yp"};
    if (!keyword.isEmpty())
        expectedKeys << keyword;
    expectedKeys.sort();
    QStringList keys = json.keys();
    keys.sort();
    QCOMPARE(keys, expectedKeys);

    QCOMPARE(json.value(QStringLiteral("activation")).toString(), name);
    if (!keyword.isEmpty()) {
        QVERIFY(json.value(keyword).isDouble());
        QCOMPARE(bitsOf(json.value(keyword).toDouble()), bitsOf(parameter));
    }
    QCOMPARE(json.value(QStringLiteral("xmin")).toDouble(), -3.0);
    QCOMPARE(json.value(QStringLiteral("xmax")).toDouble(), 3.0);
    QCOMPARE(json.value(QStringLiteral("points")).toInteger(), 61);
    QVERIFY(json.value(QStringLiteral("generator")).toString().startsWith("elu-explorer "));
    for (const char *array : {"x", "y", "yp"})
        QCOMPARE(json.value(QLatin1String(array)).toArray().size(), 61);
}

void TestDataWriter::jsonValuesOfEveryActivation_data()
{
    QTest::addColumn<int>("id");
    QTest::addColumn<double>("parameter");
    QTest::addColumn<double>("xmin");
    QTest::addColumn<double>("xmax");
    QTest::addColumn<qint64>("points");
    QTest::newRow("relu") << int(Id::Relu) << 0.0 << -2.0 << 2.0 << qint64(1001);
    QTest::newRow("leaky_relu 0.01") << int(Id::LeakyRelu) << 0.01 << -2.0 << 2.0 << qint64(1000);
    // Several formatting chunks, so that the reused text of x (y = x for x > 0) is exercised.
    QTest::newRow("leaky_relu 0.2, several chunks")
        << int(Id::LeakyRelu) << 0.2 << -1.0 << 3.0 << qint64(200'003);
    QTest::newRow("celu 0.5, several chunks")
        << int(Id::Celu) << 0.5 << -1.0 << 3.0 << qint64(200'003);
    QTest::newRow("selu, several chunks") << int(Id::Selu) << 0.0 << -1.0 << 3.0 << qint64(200'003);
    QTest::newRow("softplus 2, several chunks")
        << int(Id::Softplus) << 2.0 << -1.0 << 3.0 << qint64(200'003);
    QTest::newRow("gelu") << int(Id::Gelu) << 0.0 << -5.0 << 5.0 << qint64(1000);
    QTest::newRow("gelu_tanh") << int(Id::GeluTanh) << 0.0 << -5.0 << 5.0 << qint64(1000);
    QTest::newRow("silu") << int(Id::Silu) << 0.0 << -5.0 << 5.0 << qint64(1000);
    QTest::newRow("mish") << int(Id::Mish) << 0.0 << -5.0 << 5.0 << qint64(1000);
    QTest::newRow("sigmoid") << int(Id::Sigmoid) << 0.0 << -5.0 << 5.0 << qint64(1000);
    QTest::newRow("tanh") << int(Id::Tanh) << 0.0 << -5.0 << 5.0 << qint64(1000);
}

void TestDataWriter::jsonValuesOfEveryActivation()
{
    QFETCH(int, id);
    QFETCH(double, parameter);
    QFETCH(double, xmin);
    QFETCH(double, xmax);
    QFETCH(qint64, points);
    const elu::Curve curve{Id(id), parameter};
    const QByteArray json = curveJsonText(specOf({curve}, xmin, xmax, points), curve);
    const std::vector<double> xs = testsupport::jsonNumbers(json, "x");
    const std::vector<double> ys = testsupport::jsonNumbers(json, "y");
    const std::vector<double> yps = testsupport::jsonNumbers(json, "yp");
    QCOMPARE(qint64(xs.size()), points);
    QCOMPARE(qint64(ys.size()), points);
    QCOMPARE(qint64(yps.size()), points);
    const elu::SampleGrid grid(xmin, xmax, points);
    for (qint64 i = 0; i < points; ++i) {
        const double x = grid.x(i);
        QCOMPARE(bitsOf(xs[std::size_t(i)]), bitsOf(x));
        const double y = ys[std::size_t(i)], yp = yps[std::size_t(i)];
        if (!sameNumber(y, expectedValue(curve, x)))
            QFAIL(qPrintable(sampleMessage("y", x, y, expectedValue(curve, x))));
        if (!sameNumber(yp, expectedDerivative(curve, x)))
            QFAIL(qPrintable(sampleMessage("yp", x, yp, expectedDerivative(curve, x))));
    }
}

void TestDataWriter::curveLabels_data()
{
    QTest::addColumn<QList<int>>("ids");
    QTest::addColumn<QList<double>>("parameters");
    QTest::addColumn<QStringList>("labels");
    QTest::newRow("the article series: ids alone")
        << QList<int>{int(Id::Relu), int(Id::LeakyRelu), int(Id::Elu)}
        << QList<double>{0.0, 0.01, 1.0} << QStringList{"relu", "leaky_relu", "elu"};
    QTest::newRow("one curve") << QList<int>{int(Id::Softplus)} << QList<double>{2.0}
                               << QStringList{"softplus"};
    QTest::newRow("elu family") << QList<int>{int(Id::Elu), int(Id::Elu), int(Id::Elu)}
                                << QList<double>{0.5, 1.0, 2.0}
                                << QStringList{"elu-alpha-0.5", "elu-alpha-1", "elu-alpha-2"};
    QTest::newRow("family among others")
        << QList<int>{int(Id::Elu), int(Id::Relu), int(Id::Elu), int(Id::Gelu)}
        << QList<double>{0.5, 0.0, 2.0, 0.0}
        << QStringList{"elu-alpha-0.5", "relu", "elu-alpha-2", "gelu"};
    QTest::newRow("leaky and softplus families")
        << QList<int>{int(Id::LeakyRelu), int(Id::Softplus), int(Id::LeakyRelu), int(Id::Softplus)}
        << QList<double>{0.01, 2.0, 0.2, 0.5}
        << QStringList{"leaky_relu-negative_slope-0.01", "softplus-beta-2",
                       "leaky_relu-negative_slope-0.2", "softplus-beta-0.5"};
    QTest::newRow("celu extremes, shortest numbers")
        << QList<int>{int(Id::Celu), int(Id::Celu), int(Id::Celu)}
        << QList<double>{1e-300, 100.0, 0.30000000000000004}
        << QStringList{"celu-alpha-1e-300", "celu-alpha-100", "celu-alpha-0.30000000000000004"};
    QTest::newRow("elu and celu share a keyword, not an id")
        << QList<int>{int(Id::Elu), int(Id::Celu)} << QList<double>{0.5, 0.5}
        << QStringList{"elu", "celu"};
}

void TestDataWriter::curveLabels()
{
    QFETCH(QList<int>, ids);
    QFETCH(QList<double>, parameters);
    QFETCH(QStringList, labels);
    const std::vector<QString> actual = elu::curveLabels(curvesOf(ids, parameters));
    QCOMPARE(QStringList(actual.begin(), actual.end()), labels);
}

void TestDataWriter::saveJsonFolderWritesOneFilePerCurve()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // Two missing levels: the folder is created.
    const QString folder = dir.filePath(QStringLiteral("data/activations"));
    const elu::PlotSpec spec = specOf({{Id::Relu, 0.0},
                                       {Id::LeakyRelu, 0.01},
                                       {Id::Elu, 0.5},
                                       {Id::Elu, 2.0},
                                       {Id::Softplus, 2.0}},
                                      -2.0, 2.0, 101);
    const elu::WriteResult result = elu::saveJsonFolder(folder, spec);
    QVERIFY2(!result, qPrintable(result ? result->message() : QString()));
    const QStringList expectedFiles{"elu-alpha-0.5.json", "elu-alpha-2.json", "leaky_relu.json",
                                    "relu.json", "softplus.json"};
    QCOMPARE(entriesOf(folder), expectedFiles); // and no temporary file left behind

    struct Expected
    {
        const char *file, *activation, *keyword;
        elu::Curve curve;
    };
    for (const Expected &e :
         {Expected{"relu.json", "relu", nullptr, {Id::Relu, 0.0}},
          Expected{"leaky_relu.json", "leaky_relu", "negative_slope", {Id::LeakyRelu, 0.01}},
          Expected{"elu-alpha-0.5.json", "elu", "alpha", {Id::Elu, 0.5}},
          Expected{"elu-alpha-2.json", "elu", "alpha", {Id::Elu, 2.0}},
          Expected{"softplus.json", "softplus", "beta", {Id::Softplus, 2.0}}}) {
        const QByteArray text = contentsOf(QDir(folder).filePath(QLatin1String(e.file)));
        QJsonParseError error;
        const QJsonObject json = QJsonDocument::fromJson(text, &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError,
                 qPrintable(QLatin1String(e.file) + QStringLiteral(": ") + error.errorString()));
        QCOMPARE(json.value(QStringLiteral("activation")).toString(), QLatin1String(e.activation));
        for (const char *keyword : {"alpha", "negative_slope", "beta"})
            QCOMPARE(json.contains(QLatin1String(keyword)),
                     e.keyword && qstrcmp(keyword, e.keyword) == 0);
        if (e.keyword)
            QCOMPARE(bitsOf(json.value(QLatin1String(e.keyword)).toDouble()),
                     bitsOf(e.curve.parameter));
        QCOMPARE(json.value(QStringLiteral("points")).toInteger(), 101);
        // The same grid in every file, and each file's own curve.
        const std::vector<double> xs = testsupport::jsonNumbers(text, "x");
        const std::vector<double> ys = testsupport::jsonNumbers(text, "y");
        const std::vector<double> yps = testsupport::jsonNumbers(text, "yp");
        QCOMPARE(xs.size(), std::size_t(101));
        QCOMPARE(ys.size(), std::size_t(101));
        QCOMPARE(yps.size(), std::size_t(101));
        const elu::SampleGrid grid(-2.0, 2.0, 101);
        for (std::size_t i = 0; i < 101; ++i) {
            const double x = grid.x(qint64(i));
            QCOMPARE(bitsOf(xs[i]), bitsOf(x));
            if (!sameNumber(ys[i], expectedValue(e.curve, x)))
                QFAIL(qPrintable(sampleMessage(e.file, x, ys[i], expectedValue(e.curve, x))));
            if (!sameNumber(yps[i], expectedDerivative(e.curve, x)))
                QFAIL(qPrintable(sampleMessage(e.file, x, yps[i], expectedDerivative(e.curve, x))));
        }
    }
}

void TestDataWriter::saveJsonFolderRefusesAFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("activations"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly) && file.write("kept") == 4);
    file.close();
    const elu::PlotSpec spec = specOf({{Id::Relu, 0.0}, {Id::Elu, 1.0}}, -2.0, 2.0, 11);
    const elu::WriteResult result = elu::saveJsonFolder(path, spec);
    QVERIFY(result.has_value());
    QVERIFY2(result->message().contains(QDir::toNativeSeparators(path)),
             qPrintable(result->message()));
    QVERIFY2(!result->reason.isEmpty(), qPrintable(result->message()));
    QCOMPARE(contentsOf(path), QByteArray("kept"));
    QCOMPARE(entriesOf(dir.path()), QStringList{QStringLiteral("activations")});
}

void TestDataWriter::csvWithSeveralCurves_data()
{
    QTest::addColumn<QList<int>>("ids");
    QTest::addColumn<QList<double>>("parameters");
    QTest::addColumn<QByteArray>("header");
    QTest::newRow("elu and leaky_relu")
        << QList<int>{int(Id::Elu), int(Id::LeakyRelu)} << QList<double>{0.5, 0.2}
        << QByteArray("x,elu.y,elu.yp,leaky_relu.y,leaky_relu.yp");
    QTest::newRow("relu, selu, softplus")
        << QList<int>{int(Id::Relu), int(Id::Selu), int(Id::Softplus)}
        << QList<double>{0.0, 0.0, 2.0}
        << QByteArray("x,relu.y,relu.yp,selu.y,selu.yp,softplus.y,softplus.yp");
    QTest::newRow("elu family")
        << QList<int>{int(Id::Elu), int(Id::Elu), int(Id::Elu)} << QList<double>{0.5, 1.0, 2.0}
        << QByteArray("x,elu-alpha-0.5.y,elu-alpha-0.5.yp,elu-alpha-1.y,elu-alpha-1.yp,"
                      "elu-alpha-2.y,elu-alpha-2.yp");
    QTest::newRow("eight curves")
        << QList<int>{int(Id::Gelu),    int(Id::GeluTanh), int(Id::Silu), int(Id::Mish),
                      int(Id::Sigmoid), int(Id::Tanh),     int(Id::Celu), int(Id::Celu)}
        << QList<double>{0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.5, 3.0}
        << QByteArray("x,gelu.y,gelu.yp,gelu_tanh.y,gelu_tanh.yp,silu.y,silu.yp,mish.y,mish.yp,"
                      "sigmoid.y,sigmoid.yp,tanh.y,tanh.yp,celu-alpha-0.5.y,celu-alpha-0.5.yp,"
                      "celu-alpha-3.y,celu-alpha-3.yp");
}

void TestDataWriter::csvWithSeveralCurves()
{
    QFETCH(QList<int>, ids);
    QFETCH(QList<double>, parameters);
    QFETCH(QByteArray, header);
    const std::vector<elu::Curve> curves = curvesOf(ids, parameters);
    // Several chunks, ends at ±3, 0 on the grid.
    const elu::PlotSpec spec = specOf(curves, -3.0, 3.0, 70'001);
    const QList<QByteArray> lines = csvText(spec).split('\n');
    QCOMPARE(lines.first(), header);
    QCOMPARE(lines.size(), spec.points + 2); // header, rows, empty after the last newline
    QVERIFY(lines.last().isEmpty());
    const elu::SampleGrid grid(spec.xmin, spec.xmax, spec.points);
    for (qint64 i = 0; i < spec.points; ++i) {
        const QList<QByteArray> fields = lines[i + 1].split(',');
        QCOMPARE(fields.size(), 1 + 2 * ids.size());
        const double x = grid.x(i);
        QCOMPARE(bitsOf(parseNumber(fields[0])), bitsOf(x));
        for (std::size_t c = 0; c < curves.size(); ++c) {
            const double y = parseNumber(fields[qsizetype(1 + 2 * c)]);
            const double yp = parseNumber(fields[qsizetype(2 + 2 * c)]);
            if (!sameNumber(y, expectedValue(curves[c], x)))
                QFAIL(qPrintable(sampleMessage(header.split(',')[qsizetype(1 + 2 * c)], x, y,
                                               expectedValue(curves[c], x))));
            if (!sameNumber(yp, expectedDerivative(curves[c], x)))
                QFAIL(qPrintable(sampleMessage(header.split(',')[qsizetype(2 + 2 * c)], x, yp,
                                               expectedDerivative(curves[c], x))));
        }
    }
}

void TestDataWriter::positiveSideShortcutOnlyForIdentity_data()
{
    // Activations whose positive side is not f(x) = x, f′(x) = 1: the writers must format their
    // own values there, never reuse the text of x or write 1.
    QTest::addColumn<int>("id");
    QTest::addColumn<double>("parameter");
    QTest::newRow("selu") << int(Id::Selu) << 0.0;
    QTest::newRow("softplus 2") << int(Id::Softplus) << 2.0;
    QTest::newRow("gelu") << int(Id::Gelu) << 0.0;
    QTest::newRow("silu") << int(Id::Silu) << 0.0;
    QTest::newRow("sigmoid") << int(Id::Sigmoid) << 0.0;
}

void TestDataWriter::positiveSideShortcutOnlyForIdentity()
{
    QFETCH(int, id);
    QFETCH(double, parameter);
    const elu::Curve curve{Id(id), parameter};
    // Beside ELU, which does take the shortcut, in the same CSV row; x > 0 throughout.
    const elu::PlotSpec spec = specOf({{Id::Elu, 1.0}, curve}, 0.25, 3.0, 70'001);
    const elu::SampleGrid grid(spec.xmin, spec.xmax, spec.points);

    const QList<QByteArray> lines = csvText(spec).split('\n');
    QCOMPARE(lines.size(), spec.points + 2);
    const QByteArray json = curveJsonText(spec, curve);
    const std::vector<double> ys = testsupport::jsonNumbers(json, "y");
    const std::vector<double> yps = testsupport::jsonNumbers(json, "yp");
    QCOMPARE(qint64(ys.size()), spec.points);
    QCOMPARE(qint64(yps.size()), spec.points);
    for (qint64 i = 0; i < spec.points; ++i) {
        const double x = grid.x(i);
        const QList<QByteArray> fields = lines[i + 1].split(',');
        QCOMPARE(fields.size(), 5);
        // ELU's columns: y = x, y′ = 1.
        QCOMPARE(bitsOf(parseNumber(fields[1])), bitsOf(x));
        QCOMPARE(bitsOf(parseNumber(fields[2])), bitsOf(1.0));
        for (const auto &[what, y, yp] :
             {std::tuple{"csv", parseNumber(fields[3]), parseNumber(fields[4])},
              std::tuple{"json", ys[std::size_t(i)], yps[std::size_t(i)]}}) {
            QVERIFY2(y != x, qPrintable(sampleMessage(what, x, y, expectedValue(curve, x))));
            QVERIFY2(bitsOf(y) == bitsOf(expectedValue(curve, x)),
                     qPrintable(sampleMessage(what, x, y, expectedValue(curve, x))));
            QVERIFY2(bitsOf(yp) == bitsOf(expectedDerivative(curve, x)),
                     qPrintable(sampleMessage(what, x, yp, expectedDerivative(curve, x))));
        }
    }
}

void TestDataWriter::filesAreThePlainSequentialText_data()
{
    // Formatted in chunks on several threads, with shortcuts (x > 0 of the identity-on-positive
    // activations, f′ = 1) and its own shortest-number code: the bytes of the plain loop all the
    // same, at chunk edges, across the kink, for one chunk and many.
    QTest::addColumn<QList<int>>("ids");
    QTest::addColumn<QList<double>>("parameters");
    QTest::addColumn<double>("xmin");
    QTest::addColumn<double>("xmax");
    QTest::addColumn<qint64>("points");
    QTest::newRow("article") << QList<int>{int(Id::Elu)} << QList<double>{1.0} << -2.0 << 2.0
                             << qint64(1000);
    QTest::newRow("bench curve, 10^6 points")
        << QList<int>{int(Id::Elu)} << QList<double>{0.5} << -2.0 << 2.0 << qint64(1'000'000);
    QTest::newRow("a chunk and one")
        << QList<int>{int(Id::Elu)} << QList<double>{0.5} << -1.0 << 3.0 << qint64((1 << 14) + 1);
    QTest::newRow("positive only")
        << QList<int>{int(Id::Relu)} << QList<double>{0.0} << 1e-3 << 7.0 << qint64(65'537);
    QTest::newRow("-0 to 1") << QList<int>{int(Id::Elu)} << QList<double>{2.0} << -0.0 << 1.0
                             << qint64(33'333);
    QTest::newRow("wide range") << QList<int>{int(Id::LeakyRelu)} << QList<double>{0.01} << -1e300
                                << 1e300 << qint64(50'001);
    QTest::newRow("tiny range") << QList<int>{int(Id::Celu)} << QList<double>{0.3} << -1e-20
                                << 1e-20 << qint64(20'001);
    QTest::newRow("eight curves") << QList<int>{int(Id::Elu),     int(Id::Elu),      int(Id::Selu),
                                                int(Id::Gelu),    int(Id::Softplus), int(Id::Mish),
                                                int(Id::Sigmoid), int(Id::LeakyRelu)}
                                  << QList<double>{0.5, 2.0, 0.0, 0.0, 2.0, 0.0, 0.0, 0.2} << -6.0
                                  << 6.0 << qint64(40'001);
}

void TestDataWriter::filesAreThePlainSequentialText()
{
    QFETCH(QList<int>, ids);
    QFETCH(QList<double>, parameters);
    QFETCH(double, xmin);
    QFETCH(double, xmax);
    QFETCH(qint64, points);
    const elu::PlotSpec spec = specOf(curvesOf(ids, parameters), xmin, xmax, points);
    for (const elu::Curve &curve : spec.curves) {
        const QByteArray json = curveJsonText(spec, curve);
        const QByteArray expected = plainJson(spec, curve);
        qsizetype at = 0;
        while (at < json.size() && at < expected.size() && json[at] == expected[at])
            ++at;
        QVERIFY2(json == expected,
                 qPrintable(QStringLiteral("%1: first difference at byte %2: \"%3\", expected "
                                           "\"%4\"")
                                .arg(curve.displayLabel())
                                .arg(at)
                                .arg(QString::fromLatin1(json.mid(at - 20, 60)),
                                     QString::fromLatin1(expected.mid(at - 20, 60)))));
    }
    QVERIFY(csvText(spec) == plainCsv(spec));
}

QTEST_APPLESS_MAIN(TestDataWriter)
#include "tst_datawriter.moc"
