// SPDX-License-Identifier: MIT
// The statistics JSON of --stats and Export statistics…: its shape, its numbers exactly as
// gaussianMoments computes them, and the values known in closed form.
#include "gaussianmoments.h"
#include "numberformat.h"
#include "statswriter.h"
#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <numbers>

using elu::ActivationId;

namespace {

const std::vector<elu::Curve> mixedCurves = {
    {ActivationId::Elu, 0.5},      {ActivationId::Relu, 0.0}, {ActivationId::LeakyRelu, 0.1},
    {ActivationId::Softplus, 2.0}, {ActivationId::Selu, 0.0}, {ActivationId::Gelu, 0.0},
    {ActivationId::Celu, 1.5},     {ActivationId::Tanh, 0.0},
};

// The text of each `"key": number` in order of appearance.
QStringList numberTexts(const QByteArray &json, const QString &key)
{
    static const QString pattern = QStringLiteral("\"%1\": (-?[0-9][0-9.eE+-]*|null)");
    QStringList texts;
    const QRegularExpression re(pattern.arg(key));
    for (const QRegularExpressionMatch &match : re.globalMatch(QString::fromUtf8(json)))
        texts << match.captured(1);
    return texts;
}

QString shortest(double value)
{
    char buffer[elu::maxNumberLength];
    return QString::fromLatin1(buffer, elu::writeShortest(buffer, value) - buffer);
}

// The first curve's object of the JSON for one curve at `input`.
QJsonObject onlyCurve(const elu::Curve &curve, const elu::GaussianInput &input)
{
    const std::vector<elu::Curve> curves{curve};
    return QJsonDocument::fromJson(elu::statisticsJson(input, curves))
        .object()
        .value("curves")
        .toArray()
        .first()
        .toObject();
}

} // namespace

class TestStatsWriter : public QObject
{
    Q_OBJECT

private slots:
    void shapeAndKeys();
    void numbersAreTheCoresExactly();
    void knownValues();
    void seluFixedPoint();
    void notFiniteIsNull();
    void saveWritesTheFile();
    void saveRefusesABadInput();
};

void TestStatsWriter::shapeAndKeys()
{
    const QByteArray json = elu::statisticsJson({0.25, 1.5}, mixedCurves);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    const QJsonObject root = document.object();
    QStringList keys = root.keys();
    keys.sort();
    QCOMPARE(keys, (QStringList{"curves", "generator", "mu", "sigma"}));
    // In the documented order, ending with a newline.
    QVERIFY(json.startsWith("{\n  \"mu\": 0.25,\n  \"sigma\": 1.5,\n  \"curves\": [\n"));
    QVERIFY(json.endsWith("\"\n}\n"));
    QVERIFY(json.indexOf("\"generator\"") > json.indexOf("\"curves\""));
    QCOMPARE(root.value("mu").toDouble(), 0.25);
    QCOMPARE(root.value("sigma").toDouble(), 1.5);
    QVERIFY(root.value("generator").toString().startsWith("elu-explorer "));

    const QJsonArray curves = root.value("curves").toArray();
    QCOMPARE(curves.size(), qsizetype(mixedCurves.size()));
    const QStringList moments{"mean", "mean_derivative", "mean_derivative_squared", "variance"};
    for (qsizetype i = 0; i < curves.size(); ++i) {
        const elu::Curve &curve = mixedCurves[std::size_t(i)];
        const QJsonObject object = curves[i].toObject();
        QStringList expected = moments + QStringList{"activation"};
        if (const auto &parameter = curve.descriptor().parameter) {
            const QString keyword = QString::fromLatin1(parameter->keyword.data(),
                                                        qsizetype(parameter->keyword.size()));
            expected << keyword;
            QCOMPARE(object.value(keyword).toDouble(), curve.parameter);
        }
        expected.sort();
        QStringList actual = object.keys();
        actual.sort();
        QCOMPARE(actual, expected);
        const auto name = curve.descriptor().name;
        QCOMPARE(object.value("activation").toString(),
                 QString::fromLatin1(name.data(), qsizetype(name.size())));
    }
}

void TestStatsWriter::numbersAreTheCoresExactly()
{
    const elu::GaussianInput input{-0.75, 2.5};
    const QByteArray json = elu::statisticsJson(input, mixedCurves);
    const QStringList means = numberTexts(json, "mean");
    const QStringList variances = numberTexts(json, "variance");
    const QStringList derivatives = numberTexts(json, "mean_derivative");
    const QStringList squares = numberTexts(json, "mean_derivative_squared");
    QCOMPARE(means.size(), qsizetype(mixedCurves.size()));
    QCOMPARE(squares.size(), qsizetype(mixedCurves.size()));
    for (std::size_t i = 0; i < mixedCurves.size(); ++i) {
        const elu::Moments m = elu::gaussianMoments(mixedCurves[i], input);
        // The shortest round-trip text of each value: it parses back to the same double.
        const qsizetype row = qsizetype(i);
        QCOMPARE(means[row], shortest(m.mean));
        QCOMPARE(variances[row], shortest(m.variance));
        QCOMPARE(derivatives[row], shortest(m.meanDerivative));
        QCOMPARE(squares[row], shortest(m.meanDerivativeSquared));
        QCOMPARE(testsupport::parseNumber(means[row].toLatin1()), m.mean);
    }
}

void TestStatsWriter::knownValues()
{
    // ReLU at (0, 1): E = 1/√(2π), Var = 1/2 − 1/(2π), E f′ = E f′² = 1/2.
    const QJsonObject relu = onlyCurve({ActivationId::Relu, 0.0}, {0.0, 1.0});
    const double pi = std::numbers::pi;
    auto near = [](double actual, double expected) {
        return std::abs(actual - expected) <= 4e-16 * std::abs(expected);
    };
    QVERIFY(near(relu.value("mean").toDouble(), 1.0 / std::sqrt(2.0 * pi)));
    QVERIFY(near(relu.value("variance").toDouble(), 0.5 - 1.0 / (2.0 * pi)));
    QCOMPARE(relu.value("mean_derivative").toDouble(), 0.5);
    QCOMPARE(relu.value("mean_derivative_squared").toDouble(), 0.5);

    // GELU at (0, 1): E = 1/(2√π).
    const QJsonObject gelu = onlyCurve({ActivationId::Gelu, 0.0}, {0.0, 1.0});
    QVERIFY(std::abs(gelu.value("mean").toDouble() - 0.5 / std::sqrt(pi)) <= 1e-12);
}

void TestStatsWriter::seluFixedPoint()
{
    const QJsonObject selu = onlyCurve({ActivationId::Selu, 0.0}, {0.0, 1.0});
    QVERIFY(std::abs(selu.value("mean").toDouble()) < 1e-9);
    QVERIFY(std::abs(selu.value("variance").toDouble() - 1.0) < 1e-9);
}

void TestStatsWriter::notFiniteIsNull()
{
    // Softplus with a subnormal β has a mean (≈ log 2 / β) above the double range.
    const std::vector<elu::Curve> curves{{ActivationId::Softplus, 1e-310}};
    const QByteArray json = elu::statisticsJson({0.0, 1.0}, curves);
    QVERIFY2(json.contains("\"mean\": null"), json);
    QVERIFY(!json.contains("inf") && !json.contains("nan"));
    QJsonParseError error;
    QJsonDocument::fromJson(json, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
}

void TestStatsWriter::saveWritesTheFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("new/folder/stats.json"));
    QVERIFY(!elu::saveStatistics(path, {1.0, 0.5}, mixedCurves));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), elu::statisticsJson({1.0, 0.5}, mixedCurves));
}

void TestStatsWriter::saveRefusesABadInput()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("stats.json"));
    for (const elu::GaussianInput input :
         {elu::GaussianInput{0.0, 0.0}, elu::GaussianInput{11.0, 1.0},
          elu::GaussianInput{0.0, std::nan("")}, elu::GaussianInput{0.0, 1e-4}}) {
        const elu::WriteResult result = elu::saveStatistics(path, input, mixedCurves);
        QVERIFY(result);
        QVERIFY2(result->reason.contains(QStringLiteral("finite number")),
                 qPrintable(result->reason));
    }
    QVERIFY(!QFile::exists(path));
}

QTEST_APPLESS_MAIN(TestStatsWriter)
#include "tst_statswriter.moc"
