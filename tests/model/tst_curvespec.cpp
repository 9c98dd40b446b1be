// SPDX-License-Identifier: MIT
// parseCurveSpec: the NAME[:KEYWORD=V1[,V2...]] form of --curve and of the saved curve list.
#include "curvespec.h"
#include "testsupport.h"

#include <QTest>

#include <bit>
#include <cstdint>

using Id = elu::ActivationId;

namespace {

// The twelve PyTorch names in catalogue order, written out from docs/contract.md.
const QString allNames = QStringLiteral(
    "relu, leaky_relu, elu, celu, selu, gelu, gelu_tanh, silu, softplus, mish, sigmoid, tanh");

QString describe(const std::vector<elu::Curve> &curves)
{
    QStringList items;
    for (const elu::Curve &curve : curves)
        items << QStringLiteral("%1/%2").arg(int(curve.activation)).arg(curve.parameter, 0, 'g', 17);
    return QLatin1Char('[') + items.join(QStringLiteral(", ")) + QLatin1Char(']');
}

bool identical(double a, double b)
{
    return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
}

} // namespace

class TestCurveSpec : public QObject
{
    Q_OBJECT

private slots:
    void accepted_data();
    void accepted();
    void refused_data();
    void refused();
    void everyCatalogueCurveRoundTrips_data();
    void everyCatalogueCurveRoundTrips();
    void familyDecimalInput_data();
    void familyDecimalInput();
};

void TestCurveSpec::accepted_data()
{
    // The curves expected, as activation ids and parameter values (0 for an activation without
    // a parameter); defaults from docs/contract.md's catalogue table.
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<int>>("ids");
    QTest::addColumn<QList<double>>("parameters");

    QTest::newRow("relu") << "relu" << QList<int>{int(Id::Relu)} << QList<double>{0.0};
    QTest::newRow("leaky_relu default slope")
        << "leaky_relu" << QList<int>{int(Id::LeakyRelu)} << QList<double>{0.01};
    QTest::newRow("elu default alpha") << "elu" << QList<int>{int(Id::Elu)} << QList<double>{1.0};
    QTest::newRow("celu default alpha") << "celu" << QList<int>{int(Id::Celu)} << QList<double>{1.0};
    QTest::newRow("softplus default beta")
        << "softplus" << QList<int>{int(Id::Softplus)} << QList<double>{1.0};
    QTest::newRow("selu") << "selu" << QList<int>{int(Id::Selu)} << QList<double>{0.0};
    QTest::newRow("gelu") << "gelu" << QList<int>{int(Id::Gelu)} << QList<double>{0.0};
    QTest::newRow("gelu_tanh") << "gelu_tanh" << QList<int>{int(Id::GeluTanh)} << QList<double>{0.0};
    QTest::newRow("silu") << "silu" << QList<int>{int(Id::Silu)} << QList<double>{0.0};
    QTest::newRow("mish") << "mish" << QList<int>{int(Id::Mish)} << QList<double>{0.0};
    QTest::newRow("sigmoid") << "sigmoid" << QList<int>{int(Id::Sigmoid)} << QList<double>{0.0};
    QTest::newRow("tanh") << "tanh" << QList<int>{int(Id::Tanh)} << QList<double>{0.0};

    QTest::newRow("softplus beta 2")
        << "softplus:beta=2" << QList<int>{int(Id::Softplus)} << QList<double>{2.0};
    QTest::newRow("elu family of three")
        << "elu:alpha=0.5,1,2" << QList<int>{int(Id::Elu), int(Id::Elu), int(Id::Elu)}
        << QList<double>{0.5, 1.0, 2.0};
    QTest::newRow("spaces around every part")
        << " elu : alpha = 0.5 , 1 ,2 " << QList<int>{int(Id::Elu), int(Id::Elu), int(Id::Elu)}
        << QList<double>{0.5, 1.0, 2.0};
    QTest::newRow("leaky slope 0 (relu)")
        << "leaky_relu:negative_slope=0" << QList<int>{int(Id::LeakyRelu)} << QList<double>{0.0};
    QTest::newRow("leaky slope 1 (identity)")
        << "leaky_relu:negative_slope=1" << QList<int>{int(Id::LeakyRelu)} << QList<double>{1.0};
    QTest::newRow("elu alpha 0 and 100")
        << "elu:alpha=0,100" << QList<int>{int(Id::Elu), int(Id::Elu)} << QList<double>{0.0, 100.0};
    QTest::newRow("celu smallest positive alpha")
        << "celu:alpha=1e-300,100" << QList<int>{int(Id::Celu), int(Id::Celu)}
        << QList<double>{1e-300, 100.0};
    QTest::newRow("every digit of selu's alpha")
        << "elu:alpha=1.6732632423543772" << QList<int>{int(Id::Elu)}
        << QList<double>{1.6732632423543772};
    QTest::newRow("exponent form") << "softplus:beta=2.5e1" << QList<int>{int(Id::Softplus)}
                                   << QList<double>{25.0};
    // Decimal input rounds to the nearest double, underflow to 0 included.
    QTest::newRow("alpha 1e-400 is 0")
        << "elu:alpha=1e-400,1" << QList<int>{int(Id::Elu), int(Id::Elu)}
        << QList<double>{0.0, 1.0};
    QTest::newRow("more digits than a double")
        << "elu:alpha=1.0000000000000000000001" << QList<int>{int(Id::Elu)} << QList<double>{1.0};
    QTest::newRow("subnormal beta")
        << "softplus:beta=3e-324" << QList<int>{int(Id::Softplus)}
        << QList<double>{std::nextafter(0.0, 1.0)};
}

void TestCurveSpec::accepted()
{
    QFETCH(QString, text);
    QFETCH(QList<int>, ids);
    QFETCH(QList<double>, parameters);
    const elu::ParsedCurves parsed = elu::parseCurveSpec(text);
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
    QCOMPARE(qsizetype(parsed.curves.size()), ids.size());
    for (qsizetype i = 0; i < ids.size(); ++i) {
        const elu::Curve &curve = parsed.curves[std::size_t(i)];
        QVERIFY2(int(curve.activation) == ids[i] && identical(curve.parameter, parameters[i]),
                 qPrintable(describe(parsed.curves)));
    }
}

void TestCurveSpec::refused_data()
{
    // `mentions`: what the error must contain (the wrong part and what is accepted).
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("mentions");

    QTest::newRow("unknown name") << "foo" << QStringList{"'foo'", allNames};
    QTest::newRow("unknown name with a value") << "foo:alpha=1" << QStringList{"'foo'", allNames};
    QTest::newRow("empty") << "" << QStringList{allNames};
    QTest::newRow("only a keyword") << ":alpha=1" << QStringList{allNames};
    QTest::newRow("misspelt keyword") << "elu:alfa=1" << QStringList{"alfa", "alpha"};
    QTest::newRow("keyword of another activation")
        << "leaky_relu:alpha=0.1" << QStringList{"'alpha=0.1'", "negative_slope"};
    QTest::newRow("softplus with alpha") << "softplus:alpha=2" << QStringList{"alpha", "beta"};
    QTest::newRow("keyword without =") << "elu:alpha" << QStringList{"elu:alpha="};
    QTest::newRow("colon, nothing after") << "elu:" << QStringList{"elu:alpha="};
    QTest::newRow("relu takes no parameter") << "relu:alpha=1" << QStringList{"relu", "no parameter"};
    QTest::newRow("gelu takes no parameter") << "gelu:beta=1" << QStringList{"gelu", "no parameter"};
    QTest::newRow("elu alpha 200") << "elu:alpha=200" << QStringList{"'200'", "alpha", "from 0 to 100"};
    QTest::newRow("elu alpha -1") << "elu:alpha=-1" << QStringList{"'-1'", "from 0 to 100"};
    QTest::newRow("elu alpha nan") << "elu:alpha=nan" << QStringList{"'nan'", "finite"};
    QTest::newRow("elu alpha inf") << "elu:alpha=inf" << QStringList{"'inf'", "finite"};
    QTest::newRow("elu alpha 1e400") << "elu:alpha=1e400" << QStringList{"'1e400'", "from 0 to 100"};
    QTest::newRow("one bad value in a family")
        << "elu:alpha=0.5,101,2" << QStringList{"'101'", "from 0 to 100"};
    QTest::newRow("empty value") << "elu:alpha=" << QStringList{"alpha", "from 0 to 100"};
    QTest::newRow("empty value in a family") << "elu:alpha=0.5,,2" << QStringList{"from 0 to 100"};
    QTest::newRow("semicolon list") << "elu:alpha=0.5;1" << QStringList{"'0.5;1'", "from 0 to 100"};
    QTest::newRow("two equals signs") << "elu:alpha=1=2" << QStringList{"'1=2'", "from 0 to 100"};
    QTest::newRow("celu alpha 0")
        << "celu:alpha=0" << QStringList{"'0'", "alpha", "greater than 0", "100"};
    QTest::newRow("leaky slope 2")
        << "leaky_relu:negative_slope=2" << QStringList{"'2'", "negative_slope", "from 0 to 1"};
    QTest::newRow("leaky slope -0.01")
        << "leaky_relu:negative_slope=-0.01" << QStringList{"'-0.01'", "from 0 to 1"};
    QTest::newRow("softplus beta abc")
        << "softplus:beta=abc" << QStringList{"'abc'", "beta", "greater than 0", "100"};
    QTest::newRow("softplus beta 0") << "softplus:beta=0" << QStringList{"'0'", "greater than 0"};
    QTest::newRow("softplus beta 100.5")
        << "softplus:beta=100.5" << QStringList{"'100.5'", "at most 100"};
    // 1e-400 rounds to 0, which celu refuses; 1e400 is not finite.
    QTest::newRow("celu alpha 1e-400")
        << "celu:alpha=1e-400" << QStringList{"'1e-400'", "greater than 0"};
    QTest::newRow("softplus beta 1e400")
        << "softplus:beta=1e400" << QStringList{"'1e400'", "finite"};
    QTest::newRow("hexadecimal") << "elu:alpha=0x1p0" << QStringList{"'0x1p0'", "from 0 to 100"};
}

void TestCurveSpec::refused()
{
    QFETCH(QString, text);
    QFETCH(QStringList, mentions);
    const elu::ParsedCurves parsed = elu::parseCurveSpec(text);
    QVERIFY2(!parsed.error.isEmpty(), qPrintable(describe(parsed.curves)));
    QVERIFY2(parsed.curves.empty(), qPrintable(describe(parsed.curves)));
    QVERIFY2(!parsed.error.contains(QLatin1Char('\n')), qPrintable(parsed.error));
    for (const QString &mention : mentions) {
        QVERIFY2(parsed.error.contains(mention),
                 qPrintable(QStringLiteral("'%1' not in: %2").arg(mention, parsed.error)));
    }
}

void TestCurveSpec::everyCatalogueCurveRoundTrips_data()
{
    QTest::addColumn<int>("id");
    QTest::addColumn<double>("parameter");
    QTest::newRow("relu") << int(Id::Relu) << 0.0;
    QTest::newRow("leaky_relu 0.3") << int(Id::LeakyRelu) << 0.3;
    QTest::newRow("elu 0.1") << int(Id::Elu) << 0.1;
    QTest::newRow("celu 1e-300") << int(Id::Celu) << 1e-300;
    QTest::newRow("selu") << int(Id::Selu) << 0.0;
    QTest::newRow("gelu") << int(Id::Gelu) << 0.0;
    QTest::newRow("gelu_tanh") << int(Id::GeluTanh) << 0.0;
    QTest::newRow("silu") << int(Id::Silu) << 0.0;
    QTest::newRow("softplus 0.30000000000000004") << int(Id::Softplus) << 0.30000000000000004;
    QTest::newRow("mish") << int(Id::Mish) << 0.0;
    QTest::newRow("sigmoid") << int(Id::Sigmoid) << 0.0;
    QTest::newRow("tanh") << int(Id::Tanh) << 0.0;
}

void TestCurveSpec::everyCatalogueCurveRoundTrips()
{
    // What the settings save (Curve::spec) parses back to the same curve, bit for bit.
    QFETCH(int, id);
    QFETCH(double, parameter);
    const elu::Curve curve{Id(id), parameter};
    const elu::ParsedCurves parsed = elu::parseCurveSpec(curve.spec());
    QVERIFY2(parsed.error.isEmpty(), qPrintable(curve.spec() + QStringLiteral(": ") + parsed.error));
    QCOMPARE(parsed.curves.size(), std::size_t(1));
    QVERIFY2(parsed.curves.front().activation == curve.activation
                 && identical(parsed.curves.front().parameter, parameter),
             qPrintable(curve.spec() + QStringLiteral(" -> ") + describe(parsed.curves)));
}

void TestCurveSpec::familyDecimalInput_data()
{
    // The family dialog's typed values, read like --curve's.
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<double>>("values"); // empty: refused
    QTest::newRow("underflow to 0") << "1e-400, 1" << QList<double>{0.0, 1.0};
    QTest::newRow("rounded") << "1.0000000000000000000001 2" << QList<double>{1.0, 2.0};
    QTest::newRow("range from an underflow")
        << "1e-400 to 2 by 3" << QList<double>{0.0, 1.0, 2.0};
    QTest::newRow("overflow") << "1e400" << QList<double>{};
    QTest::newRow("hexadecimal") << "0x1p0" << QList<double>{};
}

void TestCurveSpec::familyDecimalInput()
{
    QFETCH(QString, text);
    QFETCH(QList<double>, values);
    const elu::ParsedCurves parsed = elu::parseFamily(Id::Elu, text);
    if (values.isEmpty()) {
        QVERIFY2(!parsed.error.isEmpty(), qPrintable(describe(parsed.curves)));
        return;
    }
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
    QCOMPARE(qsizetype(parsed.curves.size()), values.size());
    for (qsizetype i = 0; i < values.size(); ++i)
        QVERIFY2(identical(parsed.curves[std::size_t(i)].parameter, values[i]),
                 qPrintable(describe(parsed.curves)));
}

QTEST_APPLESS_MAIN(TestCurveSpec)
#include "tst_curvespec.moc"
