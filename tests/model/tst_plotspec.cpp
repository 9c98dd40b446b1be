// SPDX-License-Identifier: MIT
#include "plotspec.h"
#include "testsupport.h"

#include <QTest>

#include <bit>
#include <limits>

class TestPlotSpec : public QObject
{
    Q_OBJECT

private slots:
    void defaultsAreTheArticles();
    void validate_data();
    void validate();
    void curveParameters_data();
    void curveParameters();
    void curveCount();
    void curveGivenTwice();
    void curveNames();
    void formatNumberRoundTrips_data();
    void formatNumberRoundTrips();
    void parseDecimal_data();
    void parseDecimal();
};

void TestPlotSpec::defaultsAreTheArticles()
{
    const elu::PlotSpec p;
    QCOMPARE(p.curves.size(), std::size_t(1));
    QCOMPARE(p.curves.front().activation, elu::ActivationId::Elu);
    QCOMPARE(p.curves.front().parameter, 1.0);
    QCOMPARE(p.xmin, -2.0);
    QCOMPARE(p.xmax, 2.0);
    QCOMPARE(p.points, qint64(1000));
    QVERIFY(elu::validate(p).isEmpty());
}

void TestPlotSpec::validate_data()
{
    const double inf = std::numeric_limits<double>::infinity();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    QTest::addColumn<double>("alpha");
    QTest::addColumn<double>("xmin");
    QTest::addColumn<double>("xmax");
    QTest::addColumn<qint64>("points");
    QTest::addColumn<QString>("errorContains"); // empty: valid
    QTest::newRow("relu") << 0.0 << -2.0 << 2.0 << qint64(1000) << QString();
    QTest::newRow("alpha max") << 100.0 << -2.0 << 2.0 << qint64(2) << QString();
    QTest::newRow("points max") << 1.0 << -2.0 << 2.0 << qint64(10'000'000) << QString();
    QTest::newRow("alpha negative") << -1.0 << -2.0 << 2.0 << qint64(1000) << "alpha must be a finite number from 0 to 100";
    QTest::newRow("alpha 101") << 101.0 << -2.0 << 2.0 << qint64(1000) << "from 0 to 100";
    QTest::newRow("alpha nan") << nan << -2.0 << 2.0 << qint64(1000) << "finite";
    QTest::newRow("alpha inf") << inf << -2.0 << 2.0 << qint64(1000) << "finite";
    QTest::newRow("reversed") << 1.0 << 2.0 << -2.0 << qint64(1000) << "xmin = 2, xmax = -2";
    QTest::newRow("empty range") << 1.0 << 1.0 << 1.0 << qint64(1000) << "less than";
    QTest::newRow("infinite end") << 1.0 << -inf << 2.0 << qint64(1000) << "finite";
    QTest::newRow("nan end") << 1.0 << -2.0 << nan << qint64(1000) << "finite";
    QTest::newRow("one point") << 1.0 << -2.0 << 2.0 << qint64(1) << "from 2 to 10000000";
    QTest::newRow("too many") << 1.0 << -2.0 << 2.0 << qint64(10'000'001) << "from 2 to 10000000";
}

void TestPlotSpec::validate()
{
    QFETCH(double, alpha);
    QFETCH(double, xmin);
    QFETCH(double, xmax);
    QFETCH(qint64, points);
    QFETCH(QString, errorContains);
    const QString error = elu::validate(testsupport::eluSpec(alpha, xmin, xmax, points));
    if (errorContains.isEmpty())
        QCOMPARE(error, QString());
    else
        QVERIFY2(error.contains(errorContains), qPrintable(error));
}

void TestPlotSpec::curveParameters_data()
{
    using Id = elu::ActivationId;
    QTest::addColumn<int>("activation");
    QTest::addColumn<double>("parameter");
    QTest::addColumn<QString>("errorContains"); // empty: valid
    QTest::newRow("leaky slope 0") << int(Id::LeakyRelu) << 0.0 << QString();
    QTest::newRow("leaky slope 1") << int(Id::LeakyRelu) << 1.0 << QString();
    QTest::newRow("leaky slope 1.5") << int(Id::LeakyRelu) << 1.5
                                     << "negative_slope must be a finite number from 0 to 1";
    QTest::newRow("leaky slope -0.1") << int(Id::LeakyRelu) << -0.1 << "from 0 to 1";
    QTest::newRow("celu alpha 0") << int(Id::Celu) << 0.0
                                  << "alpha must be a finite number greater than 0 and at most 100";
    QTest::newRow("celu alpha tiny") << int(Id::Celu) << 1e-300 << QString();
    QTest::newRow("celu alpha 100") << int(Id::Celu) << 100.0 << QString();
    QTest::newRow("softplus beta 0") << int(Id::Softplus) << 0.0
                                     << "beta must be a finite number greater than 0";
    QTest::newRow("softplus beta 100.5") << int(Id::Softplus) << 100.5 << "at most 100";
    QTest::newRow("softplus beta nan") << int(Id::Softplus)
                                       << std::numeric_limits<double>::quiet_NaN() << "finite";
    QTest::newRow("relu ignores its parameter") << int(Id::Relu) << 12345.0 << QString();
}

void TestPlotSpec::curveParameters()
{
    QFETCH(int, activation);
    QFETCH(double, parameter);
    QFETCH(QString, errorContains);
    elu::PlotSpec spec;
    spec.curves = {{elu::ActivationId(activation), parameter}};
    const QString error = elu::validate(spec);
    if (errorContains.isEmpty())
        QCOMPARE(error, QString());
    else
        QVERIFY2(error.contains(errorContains), qPrintable(error));
}

void TestPlotSpec::curveCount()
{
    elu::PlotSpec spec;
    spec.curves.clear();
    QVERIFY(elu::validate(spec).contains(QStringLiteral("1 to 8 curves (got 0)")));
    for (int i = 1; i <= 8; ++i)
        spec.curves.push_back({elu::ActivationId::Elu, double(i)});
    QCOMPARE(elu::validate(spec), QString());
    spec.curves.push_back({elu::ActivationId::Elu, 9.0});
    QVERIFY(elu::validate(spec).contains(QStringLiteral("1 to 8 curves (got 9)")));
}

void TestPlotSpec::curveGivenTwice()
{
    elu::PlotSpec spec;
    spec.curves = {{elu::ActivationId::Elu, 0.5}, {elu::ActivationId::Relu, 0.0},
                   {elu::ActivationId::Elu, 0.5}};
    QCOMPARE(elu::validate(spec), QStringLiteral("the curve elu:alpha=0.5 is given twice"));
}

void TestPlotSpec::curveNames()
{
    const elu::Curve family{elu::ActivationId::Elu, 0.5};
    QCOMPARE(family.fileStem(false), QStringLiteral("elu"));
    QCOMPARE(family.fileStem(true), QStringLiteral("elu-alpha-0.5"));
    QCOMPARE(family.spec(), QStringLiteral("elu:alpha=0.5"));
    QCOMPARE(family.displayLabel(), QStringLiteral("ELU, α = 0.5"));
    const elu::Curve leaky = elu::Curve::withDefault(elu::ActivationId::LeakyRelu);
    QCOMPARE(leaky.parameter, 0.01);
    QCOMPARE(leaky.fileStem(true), QStringLiteral("leaky_relu-negative_slope-0.01"));
    const elu::Curve gelu = elu::Curve::withDefault(elu::ActivationId::Gelu);
    QCOMPARE(gelu.parameter, 0.0);
    QCOMPARE(gelu.fileStem(true), QStringLiteral("gelu"));
    QCOMPARE(gelu.spec(), QStringLiteral("gelu"));
    QCOMPARE(gelu.displayLabel(), QStringLiteral("GELU"));
}

void TestPlotSpec::formatNumberRoundTrips_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("text");
    QTest::newRow("one") << 1.0 << "1";
    QTest::newRow("tenth") << 0.1 << "0.1";
    QTest::newRow("negative zero") << -0.0 << "-0.0";
    QTest::newRow("tiny") << 1e-300 << "1e-300";
    QTest::newRow("selu alpha") << 1.6732632423543772 << "1.6732632423543772";
    QTest::newRow("nan") << std::numeric_limits<double>::quiet_NaN() << "nan";
}

void TestPlotSpec::formatNumberRoundTrips()
{
    QFETCH(double, value);
    QFETCH(QString, text);
    QCOMPARE(elu::formatNumber(value), text);
}

void TestPlotSpec::parseDecimal_data()
{
    // `bits` compares exactly, zero's sign included; refused is nullopt.
    const double inf = std::numeric_limits<double>::infinity();
    const double smallest = std::numeric_limits<double>::denorm_min();
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<double>("value");
    QTest::newRow("integer") << "2" << true << 2.0;
    QTest::newRow("negative") << "-2" << true << -2.0;
    QTest::newRow("plus sign") << "+2.5" << true << 2.5;
    QTest::newRow("-0") << "-0" << true << -0.0;
    QTest::newRow("leading dot") << ".5" << true << 0.5;
    QTest::newRow("trailing dot") << "5." << true << 5.0;
    QTest::newRow("spaces") << "  0.1\t" << true << 0.1;
    QTest::newRow("exponent") << "1.5E+3" << true << 1500.0;
    QTest::newRow("nearest double") << "0.1" << true << 0.1;
    QTest::newRow("more digits than a double") << "1.0000000000000000000001" << true << 1.0;
    QTest::newRow("halfway rounds to even")
        << "9007199254740993" << true << 9007199254740992.0;
    QTest::newRow("underflow") << "1e-400" << true << 0.0;
    QTest::newRow("negative underflow") << "-1e-400" << true << -0.0;
    QTest::newRow("far underflow") << "1e-99999999999999999999" << true << 0.0;
    QTest::newRow("many leading zeros")
        << "0.00000000000000000000000000001e-300" << true << 0.0;
    QTest::newRow("below half the smallest") << "2e-324" << true << 0.0;
    QTest::newRow("smallest subnormal") << "4e-324" << true << smallest;
    QTest::newRow("large digits, small exponent") << "500000e-329" << true << smallest;
    QTest::newRow("zero with a huge exponent") << "0e99999" << true << 0.0;
    QTest::newRow("-0 with a huge exponent") << "-0.000e99999" << true << -0.0;
    QTest::newRow("overflow") << "1e400" << true << inf;
    QTest::newRow("negative overflow") << "-1e400" << true << -inf;
    QTest::newRow("small digits, large exponent") << "0.001e312" << true << inf;
    QTest::newRow("largest double") << "1.7976931348623157e308" << true
                                    << std::numeric_limits<double>::max();
    QTest::newRow("inf") << "inf" << true << inf;
    QTest::newRow("-inf") << "-inf" << true << -inf;
    QTest::newRow("empty") << "" << false << 0.0;
    QTest::newRow("blank") << "  " << false << 0.0;
    QTest::newRow("letters") << "abc" << false << 0.0;
    QTest::newRow("comma") << "1,5" << false << 0.0;
    QTest::newRow("hexadecimal") << "0x1p3" << false << 0.0;
    QTest::newRow("exponent without digits") << "1e" << false << 0.0;
    QTest::newRow("dot alone") << "." << false << 0.0;
    QTest::newRow("two signs") << "+-1" << false << 0.0;
    QTest::newRow("trailing text") << "2x" << false << 0.0;
    QTest::newRow("space inside") << "1 2" << false << 0.0;
    QTest::newRow("non-ASCII digit") << "\u0661" << false << 0.0;
}

void TestPlotSpec::parseDecimal()
{
    QFETCH(QString, text);
    QFETCH(bool, accepted);
    QFETCH(double, value);
    const std::optional<double> parsed = elu::parseDecimal(text);
    QCOMPARE(parsed.has_value(), accepted);
    if (accepted)
        QVERIFY2(std::bit_cast<quint64>(*parsed) == std::bit_cast<quint64>(value),
                 qPrintable(QString::number(*parsed, 'g', 17)));
    if (text == QLatin1String("inf"))
        QVERIFY(std::isnan(*elu::parseDecimal(u"nan")));
}

QTEST_APPLESS_MAIN(TestPlotSpec)
#include "tst_plotspec.moc"
