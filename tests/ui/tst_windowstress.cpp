// SPDX-License-Identifier: MIT
// Random real input on the main window, checked against invariants after every step.
// ELU_STRESS_SEED and ELU_STRESS_STEPS override the fixed seed and the step count.
#include "testsupport.h"
#include "elu.h"
#include "mainwindow.h"
#include "numberspinbox.h"
#include "parametercontrols.h"
#include "plotview.h"
#include "samplegrid.h"
#include "sliderspinbox.h"

#include <QApplication>
#include <QLineEdit>
#include <QRandomGenerator>
#include <QSettings>
#include <QSlider>
#include <QSpinBox>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>

#include <cmath>
#include <vector>

Q_DECLARE_METATYPE(elu::PlotSpec)

namespace {

template<class T> QString text(const T &value)
{
    if constexpr (std::is_floating_point_v<T>)
        return QString::number(value, 'g', 17);
    else if constexpr (std::is_integral_v<T>)
        return QString::number(value);
    else
        return value;
}
QString text(QPoint at)
{
    return QStringLiteral("(%1, %2)").arg(at.x()).arg(at.y());
}
QString text(const elu::PlotSpec &p)
{
    return QStringLiteral("alpha %1 on [%2, %3], %4 points")
        .arg(text(p.curves.front().parameter), text(p.xmin), text(p.xmax), text(p.points));
}

// `format` with %1, %2, ... replaced by the arguments.
template<class... Args> QString say(const char *format, const Args &...args)
{
    return QString::fromUtf8(format).arg(text(args)...);
}

// Lets the plot's queued refresh, and any relayout it causes, run.
void settle()
{
    for (int i = 0; i < 3; ++i)
        QCoreApplication::processEvents();
}

void typeInto(QAbstractSpinBox *spinBox, const QString &typed)
{
    spinBox->setFocus();
    QLineEdit *edit = spinBox->findChild<QLineEdit *>();
    edit->selectAll();
    QTest::keyClicks(edit, typed);
    QTest::keyClick(edit, Qt::Key_Return);
}

void wheel(QWidget *widget, QPoint at, int angle)
{
    QWheelEvent event(at, widget->mapToGlobal(at), QPoint(), QPoint(0, angle), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(widget, &event);
}

struct Pair
{
    QString name;
    SliderSpinBox *control;
    elu::SliderMapping mapping;
    double modelValue;
};

// α, xmin, xmax (0, 1, 2): each control with its slider mapping and the value the model holds.
Pair pairOf(MainWindow &window, int which)
{
    const elu::PlotSpec &p = window.model()->spec();
    const ParameterControls *c = window.controls();
    if (which == 0)
        return {QStringLiteral("alpha"), c->alphaControl(), elu::SliderMapping::alpha(), p.curves.front().parameter};
    if (which == 1)
        return {QStringLiteral("xmin"), c->xminControl(), elu::SliderMapping::rangeEnd(), p.xmin};
    return {QStringLiteral("xmax"), c->xmaxControl(), elu::SliderMapping::rangeEnd(), p.xmax};
}

// The first broken invariant, or empty. `following`: the view should fit the sampled range.
QString violation(MainWindow &window, bool following)
{
    const elu::PlotSpec p = window.model()->spec();
    if (!(p.xmin < p.xmax) || !elu::validate(p).isEmpty())
        return say("model holds %1: %2", p, elu::validate(p));
    PlotView *plot = window.plotView();
    if (!(plot->spec() == p))
        return say("plot shows %1, model holds %2", plot->spec(), p);
    for (int which = 0; which < 3; ++which) {
        const Pair pair = pairOf(window, which);
        const int at = pair.control->slider()->value();
        if (!(pair.control->value() == pair.modelValue)
            || (at != pair.mapping.positionOf(pair.modelValue)
                && pair.mapping.valueAt(at) != pair.modelValue))
            return say("%1 spin box shows %2, slider %3; model holds %4", pair.name,
                       pair.control->value(), pair.mapping.valueAt(at), pair.modelValue);
    }
    if (const int shown = window.controls()->pointsControl()->value(); shown != p.points)
        return say("points spin box shows %1, model holds %2", shown, p.points);

    const PlotView::PlottedData data = plot->plottedData();
    if (data.y.size() != data.x.size() || data.yp.size() != data.x.size())
        return say("plotted x, y, yp have %1, %2, %3 values", data.x.size(), data.y.size(),
                   data.yp.size());
    double xLower, xUpper, yLower, yUpper;
    plot->visibleRange(xLower, xUpper, yLower, yUpper);
    if (following && (xLower != p.xmin || xUpper != p.xmax || data.x.isEmpty()))
        return say("reset view shows [%1, %2], %3 samples, for %4", xLower, xUpper, data.x.size(),
                   p);
    const elu::SampleGrid grid(p.xmin, p.xmax, p.points);
    int leftOfView = 0, rightOfView = 0;
    for (qsizetype i = 0; i < data.x.size(); ++i) {
        const double x = data.x[i], y = data.y[i], yp = data.yp[i];
        // Finite, within the range, in order, a sample of the grid, with ELU's exact values.
        const qint64 index = grid.lastIndexAtOrBelow(x);
        if (!std::isfinite(x) || !std::isfinite(y) || !std::isfinite(yp) || x < p.xmin || x > p.xmax
            || (i > 0 && !(data.x[i - 1] <= x)) || index < 0 || grid.x(index) != x
            || y != elu::value(x, p.curves.front().parameter) || yp != elu::derivative(x, p.curves.front().parameter))
            return say("sample %1 of %2 is (%3, %4, %5) after x = %6; ELU gives %7, %8", i, p, x, y,
                       yp, i > 0 ? data.x[i - 1] : qQNaN(), elu::value(x, p.curves.front().parameter),
                       elu::derivative(x, p.curves.front().parameter));
        if (following && (y < yLower || y > yUpper || yp < yLower || yp > yUpper))
            return say("reset view [%1, %2] cuts off %3, %4", yLower, yUpper, y, yp);
        leftOfView += x < xLower;
        rightOfView += x > xUpper;
    }
    if (leftOfView > 1 || rightOfView > 1) // one sample beyond each edge; more means a stale plot
        return say("%1 samples left, %2 right of the view [%3, %4]", leftOfView, rightOfView,
                   xLower, xUpper);
    const QString readout = window.readoutText();
    if (readout.contains(QLatin1String("nan"), Qt::CaseInsensitive)
        || readout.contains(QLatin1String("inf")))
        return say("readout: %1", readout);
    return {};
}

// Something to type: a hostile string, a whole number or a number with random digits in
// [low, high]. Point counts stay within 20000: the stress is about correctness, not speed.
QString typedText(QRandomGenerator &random, bool points, double low, double high)
{
    static const QStringList hostile{"abc",
                                     "",
                                     "-",
                                     "1e",
                                     "nan",
                                     "inf",
                                     "-inf",
                                     "1e400",
                                     "1e12",
                                     "-1e12",
                                     "1e-300",
                                     "-1e-300",
                                     "-0",
                                     "1.2.3",
                                     "0x10",
                                     "1,5",
                                     "99999999999999999999",
                                     " 7 ",
                                     "+3",
                                     "2e1",
                                     "-5",
                                     "1e6",
                                     "-1e6",
                                     "999999.999",
                                     "0.001",
                                     "100.00000000000001",
                                     "0.1",
                                     "1.6732632423543772"};
    static const QStringList hostilePoints{"abc", "-5", "0",     "1",  "3.5",  "1e3",
                                           "",    "2",  "20000", "+7", "1,000"};
    const QStringList &list = points ? hostilePoints : hostile;
    const double value = low + random.generateDouble() * (high - low);
    switch (random.bounded(3)) {
    case 0:
        return list[random.bounded(int(list.size()))];
    case 1:
        return QString::number(std::round(value));
    default:
        return points ? QString::number(qint64(value))
                      : QString::number(value, 'g', 1 + random.bounded(17));
    }
}

// One random input on the window; returns what it did. `following` becomes false when the user
// moves the view and true when a double-click resets it.
QString randomInput(MainWindow &window, QRandomGenerator &random, bool &following)
{
    static const Qt::Key keys[] = {Qt::Key_Left,   Qt::Key_Right,    Qt::Key_Up,   Qt::Key_Down,
                                   Qt::Key_PageUp, Qt::Key_PageDown, Qt::Key_Home, Qt::Key_End};
    static const int angles[] = {120, -120, 240, -240, 1200, -1200, 15};
    QWidget *canvas =
        window.plotView()->findChild<QWidget *>(QString(), Qt::FindDirectChildrenOnly);
    QSpinBox *points = window.controls()->pointsControl();
    const Pair pair = pairOf(window, random.bounded(3));
    const Qt::Key key = keys[random.bounded(8)];
    const int angle = angles[random.bounded(7)];
    const QPoint at(random.bounded(canvas->width()), random.bounded(canvas->height()));
    const QPoint to(random.bounded(canvas->width()), random.bounded(canvas->height()));
    QWidget *control = random.bounded(2) ? static_cast<QWidget *>(pair.control->slider())
                                         : pair.control->spinBox();
    const QString controlName = pair.name + QLatin1Char(' ') + control->metaObject()->className();
    switch (random.bounded(12)) {
    case 0:
    case 1:
    case 2:
        QTest::keyClick(control, key);
        return say("%1: key %2", controlName, QKeySequence(key).toString());
    case 3:
    case 4: {
        const bool alpha = pair.mapping.max() == elu::limits::alphaMax;
        const QString typed = typedText(random, false, alpha ? 0 : -20, alpha ? 100 : 20);
        typeInto(pair.control->spinBox(), typed);
        return say("type '%1' into %2", typed, pair.name);
    }
    case 5: {
        const QString typed = typedText(random, true, 2, random.bounded(2) ? 2000 : 20000);
        typeInto(points, typed);
        return say("type '%1' into points", typed);
    }
    case 6:
        QTest::keyClick(points, key);
        return say("points: key %1", QKeySequence(key).toString());
    case 7:
        wheel(canvas, at, angle);
        following = false;
        return say("wheel %1 on the plot at %2", angle, at);
    case 8:
        QTest::mousePress(canvas, Qt::LeftButton, Qt::NoModifier, at);
        for (int i = 1; i <= 4; ++i)
            QTest::mouseMove(canvas, at + (to - at) * i / 4);
        QTest::mouseRelease(canvas, Qt::LeftButton, Qt::NoModifier, to);
        following = false;
        return say("drag the plot from %1 to %2", at, to);
    case 9:
        QTest::mouseDClick(canvas, Qt::LeftButton, Qt::NoModifier, at);
        following = true;
        return say("double-click the plot at %1", at);
    case 10:
        QTest::mouseMove(canvas, at);
        return say("hover the plot at %1", at);
    default:
        if (random.bounded(2)) {
            wheel(control, control->rect().center(), angle);
            return say("wheel %1 on %2", angle, controlName);
        }
        window.resize(500 + random.bounded(900), 400 + random.bounded(500));
        return say("resize to %1 x %2", window.width(), window.height());
    }
}

} // namespace

class TestWindowStress : public QObject
{
    Q_OBJECT

private slots:
    void cleanup();
    void randomInputKeepsInvariants();
    void sliderBurstGivesOneUpdateWithLastValue_data();
    void sliderBurstGivesOneUpdateWithLastValue();
    void hostileSettingsAtStartup_data();
    void hostileSettingsAtStartup();

private:
    bool openWindow(const QStringList &settings = {}, const QByteArray &geometry = {});
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
};

void TestWindowStress::cleanup()
{
    m_window.reset();
    m_settings.reset();
    m_dir.reset();
}

// A window on a fresh settings file holding `settings` (key, value, key, value, ...) and
// `geometry`.
bool TestWindowStress::openWindow(const QStringList &settings, const QByteArray &geometry)
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("settings.ini")),
                                             QSettings::IniFormat);
    for (qsizetype i = 0; i + 1 < settings.size(); i += 2)
        m_settings->setValue(settings[i], settings[i + 1]);
    if (!geometry.isEmpty())
        m_settings->setValue(QStringLiteral("window/geometry"), geometry);
    m_settings->sync();
    m_window = std::make_unique<MainWindow>(*m_settings);
    m_window->resize(1000, 700);
    m_window->show();
    const bool exposed = QTest::qWaitForWindowExposed(m_window.get());
    settle();
    return exposed;
}

void TestWindowStress::randomInputKeepsInvariants()
{
    const auto setting = [](const char *name, int fallback) {
        bool set = false;
        const int value = qEnvironmentVariableIntValue(name, &set);
        return set ? value : fallback;
    };
    const quint32 seed = quint32(setting("ELU_STRESS_SEED", 20240611));
    const int steps = setting("ELU_STRESS_STEPS", 600);
    qInfo("seed %u, %d steps (set ELU_STRESS_SEED, ELU_STRESS_STEPS to change)", seed, steps);
    QRandomGenerator random(seed);
    QVERIFY(openWindow());
    bool following = true;
    QStringList done;
    for (int step = 0; step <= steps; ++step) {
        if (step > 0)
            done << randomInput(*m_window, random, following);
        settle();
        const QString problem = violation(*m_window, following);
        const QString recent =
            done.mid(qMax<qsizetype>(0, done.size() - 12)).join(QStringLiteral("\n  "));
        QVERIFY2(problem.isEmpty(), qPrintable(say("seed %1, step %2: %3\nlast steps:\n  %4", seed,
                                                   step, problem, recent)));
    }
}

void TestWindowStress::sliderBurstGivesOneUpdateWithLastValue_data()
{
    QTest::addColumn<int>("control"); // 0 alpha, 1 xmin, 2 xmax
    QTest::addColumn<QString>("how");
    QTest::addColumn<int>("step");
    QTest::newRow("alpha, 100 Right keys") << 0 << "keys" << 1;
    QTest::newRow("alpha, 100 setValue") << 0 << "setValue" << 3;
    QTest::newRow("xmax, 100 Right keys") << 2 << "keys" << 1;
    QTest::newRow("xmin across xmax, 100 setValue") << 1 << "setValue" << 5;
}

void TestWindowStress::sliderBurstGivesOneUpdateWithLastValue()
{
    QFETCH(int, control);
    QFETCH(QString, how);
    QFETCH(int, step);
    QVERIFY(openWindow());
    const Pair pair = pairOf(*m_window, control);
    QSlider *slider = pair.control->slider();
    const int start = slider->value();
    const int before = m_window->plotView()->updateCount();
    for (int i = 0; i < 100; ++i) { // no event processing in between
        if (how == QLatin1String("keys"))
            QTest::keyClick(slider, Qt::Key_Right);
        else
            slider->setValue(slider->value() + step);
    }
    settle();

    const int updates = m_window->plotView()->updateCount() - before;
    QVERIFY2(updates >= 1 && updates <= 2, qPrintable(say("%1 plot updates", updates)));
    const int end = slider->value();
    QVERIFY2(end == start + 100 * step,
             qPrintable(say("the slider moved from %1 to %2", start, end)));
    const double held = pairOf(*m_window, control).modelValue;
    const double last = pair.mapping.valueAt(end);
    QVERIFY2(held == last,
             qPrintable(say("model holds %1, the slider's last value is %2", held, last)));
    // And the plot shows the model's values, sample by sample, over the whole range.
    const QString problem = violation(*m_window, true);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestWindowStress::hostileSettingsAtStartup_data()
{
    QTest::addColumn<QStringList>("entries"); // key, value, key, value, ...
    QTest::addColumn<QByteArray>("geometry");
    QTest::addColumn<elu::PlotSpec>("expected");
    QTest::addColumn<QString>("mention");
    QRandomGenerator random(7); // fixed, so that a failure reproduces
    QByteArray junk(300, '\0');
    for (char &byte : junk)
        byte = char(random.bounded(256));
    const QString alpha = QStringLiteral("parameters/alpha"),
                  points = QStringLiteral("parameters/points");
    const QString xmin = QStringLiteral("parameters/xmin"),
                  xmax = QStringLiteral("parameters/xmax");
    const auto row = [](const char *name, const QStringList &entries, const QByteArray &geometry,
                        const elu::PlotSpec &expected, const char *mention) {
        QTest::newRow(name) << entries << geometry << expected << QString::fromUtf8(mention);
    };
    row("alpha abc", {alpha, "abc", points, "50"}, {}, testsupport::eluSpec(1.0, -2.0, 2.0, 50), "abc");
    row("alpha nan", {alpha, "nan", xmax, "3"}, {}, testsupport::eluSpec(1.0, -2.0, 3.0, 1000), "nan");
    row("range reversed", {xmin, "5", xmax, "-5", alpha, "2"}, {}, testsupport::eluSpec(2.0, -2.0, 2.0, 1000), "range");
    row("points 1e12", {points, "1e12", alpha, "0.5"}, {}, testsupport::eluSpec(0.5, -2.0, 2.0, 1000), "1e12");
    row("range beyond the window", {xmin, "-1e7", xmax, "1", alpha, "3"}, {}, testsupport::eluSpec(1.0, -2.0, 2.0, 1000), "range");
    row("garbage geometry", {alpha, "4"}, junk, testsupport::eluSpec(4.0, -2.0, 2.0, 1000), "geometry");
    row("everything at once",
        {alpha, "inf", xmin, "abc", xmax, "nan", points, "-1", "figure/theme", "purple"},
        junk.left(40), testsupport::eluSpec(1.0, -2.0, 2.0, 1000), "geometry");
}

void TestWindowStress::hostileSettingsAtStartup()
{
    QFETCH(QStringList, entries);
    QFETCH(QByteArray, geometry);
    QFETCH(elu::PlotSpec, expected);
    QFETCH(QString, mention);
    QVERIFY(openWindow(entries, geometry));
    QVERIFY2(m_window->model()->spec() == expected,
             qPrintable(text(m_window->model()->spec())));
    const QString problem = violation(*m_window, true);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const QString note = m_window->statusBar()->currentMessage();
    QVERIFY2(note.contains(QStringLiteral("Settings"))
                 && note.contains(mention, Qt::CaseInsensitive),
             qPrintable(note));
}

QTEST_MAIN(TestWindowStress)
#include "tst_windowstress.moc"
