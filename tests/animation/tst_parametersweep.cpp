// SPDX-License-Identifier: MIT
#include "parametersweep.h"

#include <QTest>

#include <cmath>
#include <numeric>

using elu::ParameterSweep;
using elu::SweepRepeat;

namespace {

ParameterSweep sweep(double from, double to, int frames, double duration = 3.0,
                     SweepRepeat repeat = SweepRepeat::Loop)
{
    return {QStringLiteral("alpha"), from, to, frames, duration, repeat};
}

// The decimal m·10^e as the C library reads it: correctly rounded, independent of the code.
double decimal(qint64 mantissa, int exponent)
{
    return QStringLiteral("%1e%2").arg(mantissa).arg(exponent).toDouble();
}

} // namespace

class TestParameterSweep : public QObject
{
    Q_OBJECT

private slots:
    void parsesRanges_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("keyword");
        QTest::addColumn<double>("from");
        QTest::addColumn<double>("to");
        QTest::addColumn<QString>("errorPart"); // empty: accepted

        QTest::newRow("alpha") << "alpha=0.1:3" << "alpha" << 0.1 << 3.0 << "";
        QTest::newRow("downwards") << "beta=5:0.5" << "beta" << 5.0 << 0.5 << "";
        QTest::newRow("negative from") << "negative_slope=-0:0.5" << "negative_slope" << -0.0
                                       << 0.5 << "";
        QTest::newRow("spaces") << " alpha=0.5:2 " << "alpha" << 0.5 << 2.0 << "";
        QTest::newRow("same ends") << "alpha=1:1" << "" << 0.0 << 0.0 << "must differ";
        QTest::newRow("ends one ULP apart") << "alpha=1:1.0000000000000002" << "" << 0.0 << 0.0
                                            << "must differ";
        QTest::newRow("ends a denormal apart") << "negative_slope=0:5e-324" << "" << 0.0 << 0.0
                                               << "must differ";
        QTest::newRow("narrow but usable") << "alpha=1:1.000001" << "alpha" << 1.0 << 1.000001
                                           << "";
        QTest::newRow("one end") << "alpha=0.1" << "" << 0.0 << 0.0 << "KEYWORD=FROM:TO";
        QTest::newRow("no keyword") << "0.1:3" << "" << 0.0 << 0.0 << "KEYWORD=FROM:TO";
        QTest::newRow("three ends") << "alpha=0:1:2" << "" << 0.0 << 0.0 << "KEYWORD=FROM:TO";
        QTest::newRow("not a number") << "alpha=a:3" << "" << 0.0 << 0.0 << "finite numbers";
        QTest::newRow("infinite") << "alpha=0:inf" << "" << 0.0 << 0.0 << "finite numbers";
        QTest::newRow("overflow") << "alpha=0:1e999" << "" << 0.0 << 0.0 << "finite numbers";
    }
    void parsesRanges()
    {
        QFETCH(QString, text);
        QFETCH(QString, keyword);
        QFETCH(double, from);
        QFETCH(double, to);
        QFETCH(QString, errorPart);
        const elu::ParsedSweepRange parsed = elu::parseSweepRange(text);
        if (!errorPart.isEmpty()) {
            QVERIFY2(parsed.error.contains(errorPart), qPrintable(parsed.error));
            return;
        }
        QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
        QCOMPARE(parsed.keyword, keyword);
        QCOMPARE(parsed.from, from);
        QCOMPARE(std::signbit(parsed.from), std::signbit(from));
        QCOMPARE(parsed.to, to);
    }

    void refusesFrameCountsAndDurations()
    {
        QVERIFY(elu::sweepFramesError(2).isEmpty());
        QVERIFY(elu::sweepFramesError(1000).isEmpty());
        QVERIFY(elu::sweepFramesError(1).contains(QStringLiteral("from 2 to 1000")));
        QVERIFY(!elu::sweepFramesError(0).isEmpty());
        QVERIFY(!elu::sweepFramesError(1001).isEmpty());
        QVERIFY(!elu::sweepFramesError(1000000000).isEmpty());
        QVERIFY(elu::sweepDurationError(0.1).isEmpty());
        QVERIFY(elu::sweepDurationError(600).isEmpty());
        QVERIFY(!elu::sweepDurationError(0.09).isEmpty());
        QVERIFY(!elu::sweepDurationError(601).isEmpty());
        QVERIFY(!elu::sweepDurationError(std::nan("")).isEmpty());
    }

    // α from 0.1 to 3 in 60 frames: steps of 2.9/59 ≈ 0.049, values rounded to thousandths.
    void frameValuesAreShortDecimalsOnTheLine()
    {
        const ParameterSweep alpha = sweep(0.1, 3.0, 60);
        QCOMPARE(elu::sweepQuantum(alpha), 0.001);
        const std::vector<double> values = elu::frameValues(alpha);
        QCOMPARE(values.size(), std::size_t(60));
        QCOMPARE(values.front(), 0.1);
        QCOMPARE(values.back(), 3.0);
        for (int k = 1; k < 59; ++k) {
            const double exact = 0.1 + 2.9 * k / 59.0;
            const double expected = decimal(std::llround(exact * 1000.0), -3);
            QCOMPARE(values[std::size_t(k)], expected);
            QVERIFY(values[std::size_t(k)] > values[std::size_t(k - 1)]);
        }
        QCOMPARE(values[1], 0.149); // 0.14915…
        QCOMPARE(values[30], 1.575); // 0.1 + 2.9·30/59 = 1.57457…
    }

    // The narrowest usable sweep still rounds to a decimal step within qint64.
    void narrowSweepsKeepShortDecimals()
    {
        const ParameterSweep narrow = sweep(1.0, 1.000001, 60);
        const std::vector<double> values = elu::frameValues(narrow);
        QCOMPARE(values.front(), 1.0);
        QCOMPARE(values.back(), 1.000001);
        for (std::size_t k = 1; k < values.size(); ++k)
            QVERIFY(values[k] > values[k - 1]);
        QCOMPARE(values[30], decimal(std::llround((1.0 + 1e-6 * 30 / 59) * 1e9), -9));
    }

    void bouncingGoesThereAndBackWithoutRepeatingTheStart()
    {
        const ParameterSweep there = sweep(0.0, 0.5, 10, 1.0, SweepRepeat::Bounce);
        const std::vector<double> values = elu::frameValues(there);
        // Step 2·0.5/10 = 0.1: quantum 0.01.
        const std::vector<double> expected{0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.4, 0.3, 0.2, 0.1};
        QCOMPARE(values, expected);
    }

    void valuesStayBetweenTheEnds()
    {
        // TO is not a multiple of the quantum: rounding must not pass it.
        const ParameterSweep odd = sweep(0.0, 2.99961, 1000);
        for (const double value : elu::frameValues(odd))
            QVERIFY(value >= 0.0 && value <= 2.99961);
        const ParameterSweep down = sweep(3.0, 0.1, 60);
        const std::vector<double> values = elu::frameValues(down);
        QCOMPARE(values.front(), 3.0);
        QCOMPARE(values.back(), 0.1);
    }

    void durationsAddUpExactly_data()
    {
        QTest::addColumn<int>("frames");
        QTest::addColumn<double>("seconds");
        QTest::newRow("60 in 3 s") << 60 << 3.0;
        QTest::newRow("7 in 1 s") << 7 << 1.0;
        QTest::newRow("1000 in 600 s") << 1000 << 600.0;
        QTest::newRow("3 in 0.1 s") << 3 << 0.1;
        QTest::newRow("61 in 2.5 s") << 61 << 2.5;
    }
    void durationsAddUpExactly()
    {
        QFETCH(int, frames);
        QFETCH(double, seconds);
        const std::vector<int> durations = elu::frameDurationsMs(sweep(0, 1, frames, seconds));
        QCOMPARE(int(durations.size()), frames);
        QCOMPARE(std::accumulate(durations.begin(), durations.end(), 0),
                 int(std::lround(seconds * 1000)));
        const double mean = seconds * 1000 / frames;
        for (const int ms : durations)
            QVERIFY(std::abs(ms - mean) <= 1.0);
    }

    void playPositions_data()
    {
        QTest::addColumn<double>("seconds");
        QTest::addColumn<int>("repeat");
        QTest::addColumn<double>("position");
        QTest::addColumn<bool>("finished");
        QTest::newRow("once, half way") << 1.5 << int(SweepRepeat::Once) << 0.5 << false;
        QTest::newRow("once, over") << 4.0 << int(SweepRepeat::Once) << 1.0 << true;
        QTest::newRow("loop, second cycle") << 4.5 << int(SweepRepeat::Loop) << 0.5 << false;
        QTest::newRow("bounce, turning") << 1.5 << int(SweepRepeat::Bounce) << 1.0 << false;
        QTest::newRow("bounce, back") << 2.25 << int(SweepRepeat::Bounce) << 0.5 << false;
        QTest::newRow("bounce, start again") << 3.0 << int(SweepRepeat::Bounce) << 0.0 << false;
    }
    void playPositions()
    {
        QFETCH(double, seconds);
        QFETCH(int, repeat);
        QFETCH(double, position);
        QFETCH(bool, finished);
        const elu::PlayPosition at = elu::playPosition(seconds, 3.0, SweepRepeat(repeat));
        QCOMPARE(at.position, position);
        QCOMPARE(at.finished, finished);
    }

    void refusesValuesThatMakeTwoCurvesTheSame()
    {
        elu::PlotSpec spec;
        spec.curves = {{elu::ActivationId::Elu, 1.0}, {elu::ActivationId::Elu, 0.5}};
        const QString error = elu::sweepSpecError(spec, 1, sweep(0.0, 2.0, 3));
        QVERIFY2(error.contains(QStringLiteral("alpha = 1")), qPrintable(error));
        QVERIFY(elu::sweepSpecError(spec, 1, sweep(1.5, 3.0, 60)).isEmpty());
    }
};

QTEST_APPLESS_MAIN(TestParameterSweep)
#include "tst_parametersweep.moc"
