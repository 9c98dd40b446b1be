// SPDX-License-Identifier: MIT
#include "slidermapping.h"

#include <QTest>

#include <cmath>
#include <limits>
#include <utility>

using elu::SliderMapping;

Q_DECLARE_METATYPE(SliderMapping)

namespace {

constexpr double notANumber = std::numeric_limits<double>::quiet_NaN();
constexpr double inf = std::numeric_limits<double>::infinity();

/// The double a user gets by typing a multiple of `resolution` (1/resolution a whole number):
/// value rounded to a whole number of steps, then divided once, so 0.57 stays 0.57.
double tidy(double value, double resolution)
{
    const double perUnit = std::round(1.0 / resolution);
    return std::round(value * perUnit) / perUnit;
}

} // namespace

class TestSliderMapping : public QObject
{
    Q_OBJECT

private slots:
    void endsAreExact_data();
    void endsAreExact();
    void roundTripEveryPosition_data() { endsAreExact_data(); }
    void roundTripEveryPosition();
    void monotonic_data() { endsAreExact_data(); }
    void monotonic();
    void valuesAreMultiplesOfTheResolution_data() { endsAreExact_data(); }
    void valuesAreMultiplesOfTheResolution();
    void positionIsTheNearest_data();
    void positionIsTheNearest();
    void alphaOneAtPositionHundred();
    void outOfRangePinsToEnds_data();
    void outOfRangePinsToEnds();
};

void TestSliderMapping::endsAreExact_data()
{
    QTest::addColumn<SliderMapping>("mapping");
    QTest::addColumn<double>("resolution");
    QTest::newRow("alpha") << SliderMapping::alpha() << 0.0001;
    QTest::newRow("range end") << SliderMapping::rangeEnd() << 0.01;
    QTest::newRow("linear, awkward ends")
        << SliderMapping(-0.3, 0.7, 100, 0.01, SliderMapping::Shape::Linear) << 0.01;
    QTest::newRow("quadratic, fine resolution")
        << SliderMapping(0.0, 4.0, 200, 0.0001, SliderMapping::Shape::Quadratic) << 0.0001;
}

void TestSliderMapping::endsAreExact()
{
    QFETCH(SliderMapping, mapping);
    QCOMPARE(mapping.valueAt(0), mapping.min());
    QCOMPARE(mapping.valueAt(mapping.steps()), mapping.max());
    QCOMPARE(mapping.positionOf(mapping.min()), 0);
    QCOMPARE(mapping.positionOf(mapping.max()), mapping.steps());
}

void TestSliderMapping::roundTripEveryPosition()
{
    QFETCH(SliderMapping, mapping);
    int firstBad = -1;
    for (int p = 0; p <= mapping.steps() && firstBad < 0; ++p) {
        if (mapping.positionOf(mapping.valueAt(p)) != p)
            firstBad = p;
    }
    QVERIFY2(firstBad < 0, qPrintable(QStringLiteral("position %1 -> value %2 -> position %3")
                                          .arg(firstBad)
                                          .arg(mapping.valueAt(firstBad), 0, 'g', 17)
                                          .arg(mapping.positionOf(mapping.valueAt(firstBad)))));
}

void TestSliderMapping::monotonic()
{
    QFETCH(SliderMapping, mapping);
    for (int p = 1; p <= mapping.steps(); ++p) {
        QVERIFY2(mapping.valueAt(p) >= mapping.valueAt(p - 1), qPrintable(QString::number(p)));
        QVERIFY(mapping.valueAt(p) >= mapping.min() && mapping.valueAt(p) <= mapping.max());
    }
    // positionOf is monotonic too, on a sweep finer than the slider.
    int previous = 0;
    const int sweep = 10 * mapping.steps();
    for (int i = 0; i <= sweep; ++i) {
        const double value = mapping.min() + (mapping.max() - mapping.min()) * i / sweep;
        const int position = mapping.positionOf(value);
        QVERIFY2(position >= previous, qPrintable(QString::number(value, 'g', 17)));
        previous = position;
    }
}

void TestSliderMapping::valuesAreMultiplesOfTheResolution()
{
    QFETCH(SliderMapping, mapping);
    QFETCH(double, resolution);
    int firstBad = -1;
    for (int p = 0; p <= mapping.steps() && firstBad < 0; ++p) {
        const double value = mapping.valueAt(p);
        if (value != tidy(value, resolution))
            firstBad = p;
    }
    // k·0.01 is not always the double nearest k/100: 57·0.01 = 0.5700000000000001.
    QVERIFY2(firstBad < 0,
             qPrintable(QStringLiteral("position %1 gives %2, not %3")
                            .arg(firstBad)
                            .arg(mapping.valueAt(firstBad), 0, 'g', 17)
                            .arg(tidy(mapping.valueAt(firstBad), resolution), 0, 'g', 17)));
}

void TestSliderMapping::positionIsTheNearest_data()
{
    QTest::addColumn<SliderMapping>("mapping");
    QTest::addColumn<double>("value");
    QTest::addColumn<int>("position");
    // α = 100·(p/1000)²: α = 2 lies between p = 141 (1.9881) and p = 142 (2.0164).
    QTest::newRow("alpha 2") << SliderMapping::alpha() << 2.0 << 141;
    // α = 25 is p = 500 exactly; α = 64 is p = 800.
    QTest::newRow("alpha 25") << SliderMapping::alpha() << 25.0 << 500;
    QTest::newRow("alpha 64") << SliderMapping::alpha() << 64.0 << 800;
    // x = −10 + p/100: 0 is p = 1000, 1.234 is nearest p = 1123 (1.23).
    QTest::newRow("range 0") << SliderMapping::rangeEnd() << 0.0 << 1000;
    QTest::newRow("range 1.234") << SliderMapping::rangeEnd() << 1.234 << 1123;
    QTest::newRow("range -2") << SliderMapping::rangeEnd() << -2.0 << 800;
    QTest::newRow("range 9.996") << SliderMapping::rangeEnd() << 9.996 << 2000;
}

void TestSliderMapping::positionIsTheNearest()
{
    QFETCH(SliderMapping, mapping);
    QFETCH(double, value);
    QFETCH(int, position);
    QCOMPARE(mapping.positionOf(value), position);
    // And no other position is nearer.
    const double distance = std::abs(mapping.valueAt(position) - value);
    for (int p = 0; p <= mapping.steps(); ++p)
        QVERIFY2(std::abs(mapping.valueAt(p) - value) >= distance, qPrintable(QString::number(p)));
}

void TestSliderMapping::alphaOneAtPositionHundred()
{
    const SliderMapping alpha = SliderMapping::alpha();
    QCOMPARE(alpha.steps(), 1000);
    QCOMPARE(alpha.valueAt(100), 1.0);
    QCOMPARE(alpha.positionOf(1.0), 100);
    // The first tenth of the slider covers α from 0 to 1.
    QVERIFY(alpha.valueAt(99) < 1.0);
    QVERIFY(alpha.valueAt(101) > 1.0);
}

void TestSliderMapping::outOfRangePinsToEnds_data()
{
    QTest::addColumn<SliderMapping>("mapping");
    QTest::addColumn<double>("value");
    QTest::addColumn<bool>("toMax");
    for (const auto &[name, mapping] : {std::pair{"alpha", SliderMapping::alpha()},
                                        std::pair{"range", SliderMapping::rangeEnd()}}) {
        QTest::addRow("%s below", name) << mapping << mapping.min() - 1.0 << false;
        QTest::addRow("%s just below", name)
            << mapping << std::nextafter(mapping.min(), -inf) << false;
        QTest::addRow("%s far above", name) << mapping << 1e300 << true;
        QTest::addRow("%s just above", name)
            << mapping << std::nextafter(mapping.max(), inf) << true;
        QTest::addRow("%s -inf", name) << mapping << -inf << false;
        QTest::addRow("%s +inf", name) << mapping << inf << true;
        QTest::addRow("%s nan", name) << mapping << notANumber << false;
    }
}

void TestSliderMapping::outOfRangePinsToEnds()
{
    QFETCH(SliderMapping, mapping);
    QFETCH(double, value);
    QFETCH(bool, toMax);
    QCOMPARE(mapping.positionOf(value), toMax ? mapping.steps() : 0);
    // Positions outside [0, steps] give the ends.
    QCOMPARE(mapping.valueAt(-1), mapping.min());
    QCOMPARE(mapping.valueAt(std::numeric_limits<int>::min()), mapping.min());
    QCOMPARE(mapping.valueAt(mapping.steps() + 1), mapping.max());
    QCOMPARE(mapping.valueAt(std::numeric_limits<int>::max()), mapping.max());
}

QTEST_APPLESS_MAIN(TestSliderMapping)
#include "tst_slidermapping.moc"
