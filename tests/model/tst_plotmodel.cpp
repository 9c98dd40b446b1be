// SPDX-License-Identifier: MIT
#include "testsupport.h"
#include "plotmodel.h"

#include <QSignalSpy>
#include <QTest>

#include <cmath>
#include <limits>

using elu::PlotModel;
using elu::PlotSpec;

namespace {

constexpr double inf = std::numeric_limits<double>::infinity();
constexpr double limit = PlotModel::rangeLimit;
constexpr double gap = PlotModel::minimumGap;

/// Calls the setter named `which` ("alpha", "xmin", "xmax" or "points").
bool set(PlotModel &model, const QString &which, double value)
{
    if (which == QLatin1String("alpha"))
        return model.setCurveParameter(value);
    if (which == QLatin1String("xmin"))
        return model.setXmin(value);
    if (which == QLatin1String("xmax"))
        return model.setXmax(value);
    return model.setPoints(qint64(value));
}

PlotSpec withValue(PlotSpec parameters, const QString &which, double value)
{
    if (which == QLatin1String("alpha"))
        parameters.curves.front().parameter = value;
    else if (which == QLatin1String("xmin"))
        parameters.xmin = value;
    else if (which == QLatin1String("xmax"))
        parameters.xmax = value;
    else
        parameters.points = qint64(value);
    return parameters;
}

} // namespace

class TestPlotModel : public QObject
{
    Q_OBJECT

private slots:
    void startsWithTheArticleDefaults();
    void refusesInvalidValues_data();
    void refusesInvalidValues();
    void acceptsValidValues_data();
    void acceptsValidValues();
    void sameValueEmitsNothing_data();
    void sameValueEmitsNothing();
    void crossingMovesTheOtherEnd_data();
    void crossingMovesTheOtherEnd();
    void setParametersRefusesInvalidSets_data();
    void setParametersRefusesInvalidSets();
    void setParametersAppliesValidSets();
    void addCurvesTakesFreeColourSlots();
    void addCurvesRefusesNinthAndRepeats();
    void removeCurveKeepsTheSelectionSensible();
    void visibilityAndColourAreRowData();
    void parameterEditsTheSelectedCurveOnly();
    void setStateRefusesInconsistentSessions();
    void visibleSpecHoldsTheShownCurves();
};

void TestPlotModel::startsWithTheArticleDefaults()
{
    const PlotModel model;
    QCOMPARE(model.spec().curves.front().parameter, 1.0);
    QCOMPARE(model.spec().xmin, -2.0);
    QCOMPARE(model.spec().xmax, 2.0);
    QCOMPARE(model.spec().points, qint64(1000));
}

void TestPlotModel::refusesInvalidValues_data()
{
    QTest::addColumn<QString>("which");
    QTest::addColumn<double>("value");
    const double nan = std::nan("");
    for (const char *which : {"alpha", "xmin", "xmax"}) {
        QTest::addRow("%s nan", which) << QString::fromLatin1(which) << nan;
        QTest::addRow("%s +inf", which) << QString::fromLatin1(which) << inf;
        QTest::addRow("%s -inf", which) << QString::fromLatin1(which) << -inf;
    }
    QTest::newRow("alpha below 0") << QStringLiteral("alpha") << -0.01;
    QTest::newRow("alpha tiny negative") << QStringLiteral("alpha") << -1e-300;
    QTest::newRow("alpha above 100") << QStringLiteral("alpha") << std::nextafter(100.0, 200.0);
    QTest::newRow("xmin beyond -limit") << QStringLiteral("xmin") << std::nextafter(-limit, -inf);
    QTest::newRow("xmin beyond +limit") << QStringLiteral("xmin") << 2 * limit;
    QTest::newRow("xmax beyond +limit") << QStringLiteral("xmax") << std::nextafter(limit, inf);
    QTest::newRow("xmax beyond -limit") << QStringLiteral("xmax") << -2 * limit;
    QTest::newRow("xmax huge") << QStringLiteral("xmax") << 1e308;
    QTest::newRow("points 1") << QStringLiteral("points") << 1.0;
    QTest::newRow("points 0") << QStringLiteral("points") << 0.0;
    QTest::newRow("points negative") << QStringLiteral("points") << -5.0;
    QTest::newRow("points 10M + 1") << QStringLiteral("points") << 10'000'001.0;
}

void TestPlotModel::refusesInvalidValues()
{
    QFETCH(QString, which);
    QFETCH(double, value);
    PlotModel model;
    const PlotSpec before = model.spec();
    QSignalSpy changed(&model, &PlotModel::specChanged);
    QSignalSpy moved(&model, &PlotModel::rangeEndMoved);
    QVERIFY(!set(model, which, value));
    QVERIFY(model.spec() == before);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(moved.count(), 0);
}

void TestPlotModel::acceptsValidValues_data()
{
    QTest::addColumn<QString>("which");
    QTest::addColumn<double>("value");
    QTest::newRow("alpha 0 (ReLU)") << QStringLiteral("alpha") << 0.0;
    QTest::newRow("alpha 0.5") << QStringLiteral("alpha") << 0.5;
    QTest::newRow("alpha 100") << QStringLiteral("alpha") << 100.0;
    QTest::newRow("alpha of SELU") << QStringLiteral("alpha") << 1.6732632423543772;
    QTest::newRow("xmin -limit") << QStringLiteral("xmin") << -limit;
    QTest::newRow("xmin -1.5") << QStringLiteral("xmin") << -1.5;
    QTest::newRow("xmin just below xmax") << QStringLiteral("xmin") << 1.5;
    QTest::newRow("xmax +limit") << QStringLiteral("xmax") << limit;
    QTest::newRow("xmax 0.25") << QStringLiteral("xmax") << 0.25;
    QTest::newRow("points 2") << QStringLiteral("points") << 2.0;
    QTest::newRow("points 10M") << QStringLiteral("points") << 10'000'000.0;
    QTest::newRow("points 1001") << QStringLiteral("points") << 1001.0;
}

void TestPlotModel::acceptsValidValues()
{
    QFETCH(QString, which);
    QFETCH(double, value);
    PlotModel model;
    const PlotSpec expected = withValue(model.spec(), which, value);
    QSignalSpy changed(&model, &PlotModel::specChanged);
    QSignalSpy moved(&model, &PlotModel::rangeEndMoved);
    QVERIFY(set(model, which, value));
    QVERIFY(model.spec() == expected);
    QCOMPARE(changed.count(), 1);
    QVERIFY(changed.at(0).at(0).value<PlotSpec>() == expected);
    QCOMPARE(moved.count(), 0);
}

void TestPlotModel::sameValueEmitsNothing_data()
{
    QTest::addColumn<QString>("which");
    QTest::addColumn<double>("value");
    QTest::newRow("alpha 1") << QStringLiteral("alpha") << 1.0;
    QTest::newRow("xmin -2") << QStringLiteral("xmin") << -2.0;
    QTest::newRow("xmax 2") << QStringLiteral("xmax") << 2.0;
    QTest::newRow("points 1000") << QStringLiteral("points") << 1000.0;
}

void TestPlotModel::sameValueEmitsNothing()
{
    QFETCH(QString, which);
    QFETCH(double, value);
    PlotModel model;
    QSignalSpy changed(&model, &PlotModel::specChanged);
    QSignalSpy moved(&model, &PlotModel::rangeEndMoved);
    QVERIFY(set(model, which, value)); // a valid value, just not a new one
    QVERIFY(model.spec() == PlotSpec());
    QCOMPARE(changed.count(), 0);
    QCOMPARE(moved.count(), 0);
}

void TestPlotModel::crossingMovesTheOtherEnd_data()
{
    QTest::addColumn<QString>("which");
    QTest::addColumn<double>("value");
    QTest::addColumn<double>("expectedXmin");
    QTest::addColumn<double>("expectedXmax");
    QTest::addColumn<PlotModel::RangeEnd>("movedEnd");
    using End = PlotModel::RangeEnd;
    // From the defaults [−2, 2]: the end that was not set moves minimumGap away.
    QTest::newRow("xmin above xmax")
        << QStringLiteral("xmin") << 5.0 << 5.0 << 5.0 + gap << End::Max;
    QTest::newRow("xmin onto xmax")
        << QStringLiteral("xmin") << 2.0 << 2.0 << 2.0 + gap << End::Max;
    QTest::newRow("xmax below xmin")
        << QStringLiteral("xmax") << -3.0 << -3.0 - gap << -3.0 << End::Min;
    QTest::newRow("xmax onto xmin")
        << QStringLiteral("xmax") << -2.0 << -2.0 - gap << -2.0 << End::Min;
    // At the limits the end that was set gives way, so both stay within ±rangeLimit.
    QTest::newRow("xmin at +limit")
        << QStringLiteral("xmin") << limit << limit - gap << limit << End::Max;
    QTest::newRow("xmax at -limit")
        << QStringLiteral("xmax") << -limit << -limit << -limit + gap << End::Min;
}

void TestPlotModel::crossingMovesTheOtherEnd()
{
    QFETCH(QString, which);
    QFETCH(double, value);
    QFETCH(double, expectedXmin);
    QFETCH(double, expectedXmax);
    QFETCH(PlotModel::RangeEnd, movedEnd);
    PlotModel model;
    QSignalSpy changed(&model, &PlotModel::specChanged);
    QSignalSpy moved(&model, &PlotModel::rangeEndMoved);
    QVERIFY(set(model, which, value));

    const PlotSpec &now = model.spec();
    // Within a rounding of the gap (ulp(1e6) is 1.2e−10).
    QVERIFY2(
        std::abs(now.xmin - expectedXmin) < 1e-9 && std::abs(now.xmax - expectedXmax) < 1e-9,
        qPrintable(QStringLiteral("[%1, %2]").arg(now.xmin, 0, 'g', 17).arg(now.xmax, 0, 'g', 17)));
    QVERIFY(now.xmin < now.xmax);
    QVERIFY(std::abs(now.xmin) <= limit && std::abs(now.xmax) <= limit);
    QCOMPARE(now.curves.front().parameter, 1.0);
    QCOMPARE(now.points, qint64(1000));

    QCOMPARE(changed.count(), 1);
    QVERIFY(changed.at(0).at(0).value<PlotSpec>() == now);
    QCOMPARE(moved.count(), 1);
    QCOMPARE(moved.at(0).at(0).value<PlotModel::RangeEnd>(), movedEnd);
    QCOMPARE(moved.at(0).at(1).toDouble(),
             movedEnd == PlotModel::RangeEnd::Max ? now.xmax : now.xmin);
}

void TestPlotModel::setParametersRefusesInvalidSets_data()
{
    QTest::addColumn<PlotSpec>("parameters");
    QTest::addColumn<QString>("named"); // what the error must mention
    const PlotSpec ok;
    QTest::newRow("alpha nan") << withValue(ok, "alpha", std::nan("")) << QStringLiteral("alpha must be a finite number from 0 to 100");
    QTest::newRow("alpha 101") << withValue(ok, "alpha", 101.0) << QStringLiteral("alpha must be a finite number from 0 to 100");
    QTest::newRow("alpha -1") << withValue(ok, "alpha", -1.0) << QStringLiteral("alpha must be a finite number from 0 to 100");
    QTest::newRow("xmin = xmax") << withValue(ok, "xmin", 2.0) << QStringLiteral("xmin");
    QTest::newRow("xmin > xmax") << withValue(ok, "xmin", 3.0) << QStringLiteral("xmin");
    QTest::newRow("xmin -inf") << withValue(ok, "xmin", -inf) << QStringLiteral("finite");
    QTest::newRow("xmax nan") << withValue(ok, "xmax", std::nan("")) << QStringLiteral("finite");
    QTest::newRow("xmax beyond limit")
        << withValue(ok, "xmax", 2 * limit) << QStringLiteral("range");
    QTest::newRow("xmin beyond limit") << withValue(ok, "xmin", -1e300) << QStringLiteral("range");
    QTest::newRow("points 1") << withValue(ok, "points", 1.0) << QStringLiteral("points");
    QTest::newRow("points 10M + 1")
        << withValue(ok, "points", 10'000'001.0) << QStringLiteral("points");
}

void TestPlotModel::setParametersRefusesInvalidSets()
{
    QFETCH(PlotSpec, parameters);
    QFETCH(QString, named);
    PlotModel model;
    QSignalSpy changed(&model, &PlotModel::specChanged);
    QSignalSpy moved(&model, &PlotModel::rangeEndMoved);
    const QString error = model.setSpec(parameters);
    QVERIFY(!error.isEmpty());
    QVERIFY2(error.contains(named), qPrintable(error));
    QVERIFY(model.spec() == PlotSpec());
    QCOMPARE(changed.count(), 0);
    QCOMPARE(moved.count(), 0);
}

void TestPlotModel::setParametersAppliesValidSets()
{
    PlotModel model;
    QSignalSpy changed(&model, &PlotModel::specChanged);
    const PlotSpec next = testsupport::eluSpec(0.25, -limit, limit, 10'000'000);
    QCOMPARE(model.setSpec(next), QString());
    QVERIFY(model.spec() == next);
    QCOMPARE(changed.count(), 1);
    QVERIFY(changed.at(0).at(0).value<PlotSpec>() == next);
    // The same set again changes nothing and says nothing.
    QCOMPARE(model.setSpec(next), QString());
    QCOMPARE(changed.count(), 1);
}

void TestPlotModel::addCurvesTakesFreeColourSlots()
{
    PlotModel model;
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy selected(&model, &PlotModel::selectedCurveChanged);
    QCOMPARE(model.addCurves({{elu::ActivationId::Relu, 0.0}, {elu::ActivationId::Gelu, 0.0}}),
             QString());
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.selectedCurve(), 1); // the first added
    QCOMPARE(selected.count(), 1);
    QCOMPARE(model.appearance()[1].colourSlot, 1);
    QCOMPARE(model.appearance()[2].colourSlot, 2);
    // A removed curve's slot is the next one given.
    QVERIFY(model.removeCurve(1));
    QVERIFY(model.addCurves({{elu::ActivationId::Tanh, 0.0}}).isEmpty());
    QCOMPARE(model.appearance()[2].colourSlot, 1);
    QCOMPARE(model.data(model.index(2), Qt::DisplayRole).toString(), QStringLiteral("Tanh"));
    QCOMPARE(model.data(model.index(0), PlotModel::CurveSpecRole).toString(),
             QStringLiteral("elu:alpha=1"));
}

void TestPlotModel::addCurvesRefusesNinthAndRepeats()
{
    PlotModel model;
    std::vector<elu::Curve> seven;
    for (int i = 2; i <= 8; ++i)
        seven.push_back({elu::ActivationId::Elu, double(i)});
    QCOMPARE(model.addCurves(seven), QString());
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QVERIFY(model.addCurves({{elu::ActivationId::Relu, 0.0}}).contains(QStringLiteral("1 to 8")));
    PlotModel other;
    QVERIFY(other.addCurves({{elu::ActivationId::Elu, 1.0}}).contains(QStringLiteral("twice")));
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(model.rowCount(), 8);
    QCOMPARE(other.rowCount(), 1);
}

void TestPlotModel::removeCurveKeepsTheSelectionSensible()
{
    PlotModel model;
    QVERIFY(model.addCurves({{elu::ActivationId::Relu, 0.0}, {elu::ActivationId::Gelu, 0.0},
                             {elu::ActivationId::Silu, 0.0}})
                .isEmpty());
    QVERIFY(model.setSelectedCurve(2)); // GELU
    QVERIFY(model.removeCurve(0));      // a curve before it: GELU is now row 1, still selected
    QCOMPARE(model.selectedCurve(), 1);
    QCOMPARE(model.selected().activation, elu::ActivationId::Gelu);
    QVERIFY(model.removeCurve(1)); // the selected one: the row that takes its place is selected
    QCOMPARE(model.selected().activation, elu::ActivationId::Silu);
    QVERIFY(model.removeCurve(1)); // the last row: the one above
    QCOMPARE(model.selectedCurve(), 0);
    QVERIFY(!model.removeCurve(0)); // never the last curve
    QVERIFY(!model.removeCurve(5));
    QCOMPARE(model.rowCount(), 1);
}

void TestPlotModel::visibilityAndColourAreRowData()
{
    PlotModel model;
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy appearance(&model, &PlotModel::appearanceChanged);
    QVERIFY(model.setData(model.index(0), Qt::Unchecked, Qt::CheckStateRole));
    QCOMPARE(model.data(model.index(0), Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    QVERIFY(model.flags(model.index(0)) & Qt::ItemIsUserCheckable);
    QVERIFY(model.setCurveColour(0, 0xABCDEFu));
    QCOMPARE(model.data(model.index(0), PlotModel::CustomColourRole).toUInt(), 0xABCDEFu);
    QVERIFY(!model.setCurveColour(0, 0x1000000u)); // not an RGB value
    QVERIFY(model.setCurveColour(0, std::nullopt));
    QVERIFY(!model.data(model.index(0), PlotModel::CustomColourRole).isValid());
    QCOMPARE(changed.count(), 3);
    QCOMPARE(appearance.count(), 3);
}

void TestPlotModel::parameterEditsTheSelectedCurveOnly()
{
    PlotModel model;
    QVERIFY(model.addCurves({{elu::ActivationId::LeakyRelu, 0.1}, {elu::ActivationId::Elu, 2.0}})
                .isEmpty());
    QVERIFY(model.setSelectedCurve(1));
    QVERIFY(model.setCurveParameter(0.3));
    QVERIFY(!model.setCurveParameter(1.5)); // outside the slope's [0, 1]
    QCOMPARE(model.spec().curves[0].parameter, 1.0);
    QCOMPARE(model.spec().curves[1].parameter, 0.3);
    QVERIFY(model.setSelectedCurve(2));
    QVERIFY(!model.setCurveParameter(1.0)); // would repeat the first curve
    QCOMPARE(model.spec().curves[2].parameter, 2.0);
}

void TestPlotModel::setStateRefusesInconsistentSessions()
{
    PlotModel model;
    PlotSpec two;
    two.curves = {{elu::ActivationId::Elu, 0.5}, {elu::ActivationId::Relu, 0.0}};
    QVERIFY(!model.setState(two, {elu::CurveAppearance{}}, 0, elu::PlotLayout::Overlaid).isEmpty());
    QVERIFY(!model.setState(two, {{0, {}, true}, {9, {}, true}}, 0, elu::PlotLayout::Overlaid)
                 .isEmpty());
    QVERIFY(!model.setState(two, {{0, {}, true}, {1, {}, true}}, 2, elu::PlotLayout::Overlaid)
                 .isEmpty());
    QCOMPARE(model.rowCount(), 1); // nothing changed
    QSignalSpy layout(&model, &PlotModel::layoutChanged);
    QCOMPARE(model.setState(two, {{3, {}, false}, {1, 0x102030u, true}}, 1,
                            elu::PlotLayout::Stacked),
             QString());
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.selectedCurve(), 1);
    QCOMPARE(model.appearance()[0].colourSlot, 3);
    QCOMPARE(model.appearance()[1].customRgb, std::optional<quint32>(0x102030u));
    QCOMPARE(model.layout(), elu::PlotLayout::Stacked);
    QCOMPARE(layout.count(), 1);
}

void TestPlotModel::visibleSpecHoldsTheShownCurves()
{
    PlotModel model;
    QVERIFY(model.addCurves({{elu::ActivationId::Relu, 0.0}, {elu::ActivationId::Tanh, 0.0}})
                .isEmpty());
    QVERIFY(model.setCurveVisible(1, false));
    const PlotSpec visible = model.visibleSpec();
    QCOMPARE(visible.curves.size(), std::size_t(2));
    QCOMPARE(visible.curves[1].activation, elu::ActivationId::Tanh);
    QCOMPARE(model.visibleAppearance()[1].colourSlot, 2);
    QCOMPARE(visible.points, model.spec().points);
}

QTEST_GUILESS_MAIN(TestPlotModel)
#include "tst_plotmodel.moc"
