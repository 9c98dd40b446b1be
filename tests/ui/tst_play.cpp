// SPDX-License-Identifier: MIT
// Play in the window, driven as a person would: the Play button clicked, Space pressed on the
// plot, the slider grabbed, a value typed. The clock is injected, so "half the duration" is
// exact; the player's own timer does the ticking.
#include "catalogue.h"
#include "curvelistwidget.h"
#include "mainwindow.h"
#include "numberspinbox.h"
#include "parametercontrols.h"
#include "parametersweep.h"
#include "playcontrols.h"
#include "plotmodel.h"
#include "plotview.h"
#include "sliderspinbox.h"
#include "sweepplayer.h"
#include "windowsupport.h"

#include <QAction>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QStyle>
#include <QStyleOptionSlider>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using elu::ActivationId;

class TestPlay : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void playMovesTheParameterThroughTheSweep();
    void backAndForthIsAtToHalfway();
    void onceStopsAtTo();
    void pauseLeavesTheParameterAndPlayResumes();
    void pressingTheSliderStops();
    void typingAValueStopsAndKeepsIt();
    void otherChangesStopIt();
    void rangeChangesDoNotStopIt();
    void refusedValuesAreSkipped();
    void spaceTogglesOnlyOnThePlot();
    void reluDisablesPlay();
    void boundsFollowTheActivation();
    void yAxisOnlyWidensWhilePlaying();
    void changingTheDurationKeepsThePlace();
    void accessibleNamesAndMnemonics();
    void aNarrowWindowWrapsTheRow();

private:
    double alpha() const { return m_window->model()->selected().parameter; }
    PlayControls *play() const { return m_window->playControls(); }
    SweepPlayer *player() const { return play()->player(); }
    /// Moves the injected clock to `ms` and lets the player's own timer tick (it reads the clock
    /// on each tick) while playing, or a few ticks' time pass while paused.
    void at(qint64 ms)
    {
        m_now = ms;
        const int reads = m_clockReads;
        if (player()->isPlaying())
            QTRY_VERIFY(m_clockReads > reads);
        else
            QTest::qWait(3 * SweepPlayer::tickIntervalMs);
    }
    void clickPlay() { QTest::mouseClick(play()->playButton(), Qt::LeftButton); }
    void chooseRepeat(elu::SweepRepeat repeat)
    {
        QComboBox *box = play()->repeatBox();
        box->setCurrentIndex(box->findData(int(repeat)));
    }
    /// Replaces the text of `box` as typed, then Enter.
    static void type(QAbstractSpinBox *box, const QString &text)
    {
        box->setFocus();
        QLineEdit *edit = box->findChild<QLineEdit *>();
        edit->selectAll();
        QTest::keyClicks(edit, text);
        QTest::keyClick(edit, Qt::Key_Return);
    }
    QListView *list() const { return m_window->curveList()->view(); }
    QRect rowRect(int row) const { return list()->visualRect(list()->model()->index(row, 0)); }
    void addFromTheMenu(ActivationId id)
    {
        m_window->curveList()->addButton()->menu()->actions()[int(id)]->trigger();
    }

    QTemporaryDir m_config;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
    qint64 m_now = 0;
    int m_clockReads = 0;
};

void TestPlay::init()
{
    QVERIFY(testsupport::openWindow(m_settings, m_window,
                                    m_config.filePath(QStringLiteral("test.ini")),
                                    QSize(1200, 800), true));
    m_now = 0;
    m_clockReads = 0;
    player()->setClock([this] {
        ++m_clockReads;
        return m_now;
    });
}

void TestPlay::cleanup()
{
    m_window.reset();
    m_settings.reset();
}

void TestPlay::playMovesTheParameterThroughTheSweep()
{
    // The defaults: ELU's α from 0.1 to 3 in 3 s, looping.
    QCOMPARE(play()->fromBox()->value(), 0.1);
    QCOMPARE(play()->toBox()->value(), 3.0);
    QCOMPARE(play()->durationBox()->value(), 3.0);
    QCOMPARE(play()->repeatBox()->currentText(), QStringLiteral("Loop"));
    QCOMPARE(play()->playButton()->text(), QStringLiteral("Play"));
    QCOMPARE(alpha(), 1.0);

    QSignalSpy playing(player(), &SweepPlayer::playingChanged);
    clickPlay();
    QCOMPARE(playing.count(), 1);
    QCOMPARE(playing.last().at(0).toBool(), true);
    QCOMPARE(play()->playButton()->text(), QStringLiteral("Pause"));
    QCOMPARE(alpha(), 0.1); // from FROM
    QVERIFY(m_window->plotView()->isFitHeld());

    // Values between the bounds, short decimals (the quantum of a 101-frame sweep: 0.001), on the
    // slider's spin box and in the legend too.
    double previous = alpha();
    for (qint64 ms = 137; ms < 1500; ms += 211) {
        at(ms);
        QVERIFY2(alpha() > previous && alpha() < 3.0, qPrintable(elu::formatNumber(alpha())));
        QVERIFY2(elu::formatNumber(alpha()).size() <= 5, qPrintable(elu::formatNumber(alpha())));
        QCOMPARE(m_window->controls()->alphaControl()->value(), alpha());
        m_window->plotView()->refresh();
        QVERIFY(!m_window->plotView()->isDraft()); // frames drawn antialiased
        previous = alpha();
    }
    at(1500); // half the duration
    QCOMPARE(alpha(), 1.55);
    m_window->plotView()->refresh();
    QVERIFY2(m_window->plotView()->legendNames().contains(QStringLiteral("ELU(x), α = 1.55")),
             qPrintable(m_window->plotView()->legendNames().join(QLatin1Char('|'))));
    // Looping: after one cycle it starts again from FROM.
    at(3000 + 1500);
    QCOMPARE(alpha(), 1.55);
    at(6000);
    QCOMPARE(alpha(), 0.1);
    QCOMPARE(playing.count(), 1); // still playing
    QVERIFY(player()->isPlaying());
}

void TestPlay::backAndForthIsAtToHalfway()
{
    chooseRepeat(elu::SweepRepeat::Bounce);
    clickPlay();
    at(750);
    QCOMPARE(alpha(), 1.55); // a quarter: halfway there
    at(1500);
    QCOMPARE(alpha(), 3.0); // half the duration: at TO
    at(2250);
    QCOMPARE(alpha(), 1.55); // on the way back
    at(3000);
    QCOMPARE(alpha(), 0.1);
    QVERIFY(player()->isPlaying());
}

void TestPlay::onceStopsAtTo()
{
    chooseRepeat(elu::SweepRepeat::Once);
    QSignalSpy playing(player(), &SweepPlayer::playingChanged);
    clickPlay();
    at(2999);
    QVERIFY(alpha() < 3.0);
    QVERIFY(player()->isPlaying());
    at(3100);
    QCOMPARE(alpha(), 3.0);
    QCOMPARE(playing.count(), 2);
    QCOMPARE(playing.last().at(0).toBool(), false);
    QCOMPARE(play()->playButton()->text(), QStringLiteral("Play"));
    QVERIFY(!m_window->plotView()->isFitHeld());
    // Played once, Play starts again from FROM.
    at(5000);
    clickPlay();
    QCOMPARE(alpha(), 0.1);
}

void TestPlay::pauseLeavesTheParameterAndPlayResumes()
{
    QSignalSpy playing(player(), &SweepPlayer::playingChanged);
    clickPlay();
    at(1000);
    const double paused = alpha();
    QCOMPARE(paused, 1.067); // 0.1 + 2.9/3 = 1.0667, to the thousandth
    clickPlay(); // Pause
    QCOMPARE(playing.count(), 2);
    QCOMPARE(playing.last().at(0).toBool(), false);
    QCOMPARE(alpha(), paused);
    QVERIFY(!m_window->plotView()->isFitHeld());
    at(2500);
    QCOMPARE(alpha(), paused); // however long the pause
    QCOMPARE(m_window->controls()->alphaControl()->value(), paused);
    // Play goes on from where it paused: 0.5 s later it is at half the duration.
    clickPlay();
    QCOMPARE(alpha(), paused);
    at(3000);
    QCOMPARE(alpha(), 1.55);
}

void TestPlay::pressingTheSliderStops()
{
    clickPlay();
    at(1000);
    const double played = alpha();
    QSlider *slider = m_window->controls()->alphaControl()->slider();
    QStyleOptionSlider option;
    option.initFrom(slider);
    option.orientation = slider->orientation();
    option.minimum = slider->minimum();
    option.maximum = slider->maximum();
    option.sliderPosition = slider->sliderPosition();
    option.sliderValue = slider->value();
    option.singleStep = slider->singleStep();
    option.pageStep = slider->pageStep();
    option.upsideDown = slider->invertedAppearance();
    option.subControls = QStyle::SC_SliderHandle;
    const QRect handle = slider->style()->subControlRect(QStyle::CC_Slider, &option,
                                                         QStyle::SC_SliderHandle, slider);
    QVERIFY(!handle.isEmpty());
    QSignalSpy pressed(slider, &QSlider::sliderPressed);
    QTest::mousePress(slider, Qt::LeftButton, {}, handle.center());
    QCOMPARE(pressed.count(), 1);
    QVERIFY(!player()->isPlaying());
    QCOMPARE(alpha(), played);
    at(2000);
    QCOMPARE(alpha(), played);
    QTest::mouseRelease(slider, Qt::LeftButton, {}, handle.center());
    QCOMPARE(alpha(), played);
}

void TestPlay::typingAValueStopsAndKeepsIt()
{
    clickPlay();
    at(500);
    type(m_window->controls()->alphaControl()->spinBox(), QStringLiteral("2.5"));
    QVERIFY(!player()->isPlaying());
    QCOMPARE(alpha(), 2.5);
    at(1500);
    QCOMPARE(alpha(), 2.5);
    // The typed value is not a pause to resume from: Play starts again from FROM.
    clickPlay();
    QCOMPARE(alpha(), 0.1);
    // Keys on the slider stop it too.
    at(2000);
    QSlider *slider = m_window->controls()->alphaControl()->slider();
    slider->setFocus();
    QTest::keyClick(slider, Qt::Key_PageUp);
    QVERIFY(!player()->isPlaying());
    const double stepped = alpha();
    at(2500);
    QCOMPARE(alpha(), stepped);
}

void TestPlay::otherChangesStopIt()
{
    // Restore Defaults.
    clickPlay();
    at(500);
    m_window->findChild<QAction *>(QStringLiteral("restoreDefaultsAction"))->trigger();
    QVERIFY(!player()->isPlaying());
    QCOMPARE(alpha(), 1.0);
    at(1000);
    QCOMPARE(alpha(), 1.0);

    // A change of the parameter from anywhere else (a session, a script).
    clickPlay();
    at(1500);
    QVERIFY(m_window->model()->setCurveParameter(2.0));
    QVERIFY(!player()->isPlaying());
    at(2000);
    QCOMPARE(alpha(), 2.0);

    // A curve added.
    clickPlay();
    at(2500);
    QVERIFY(player()->isPlaying());
    addFromTheMenu(ActivationId::Softplus);
    QVERIFY(!player()->isPlaying());

    // Another curve selected (a click in the list), and a curve removed.
    QTest::mouseClick(list()->viewport(), Qt::LeftButton, {}, rowRect(0).center());
    QCOMPARE(m_window->model()->selectedCurve(), 0);
    clickPlay();
    at(3000);
    QVERIFY(player()->isPlaying());
    QTest::mouseClick(list()->viewport(), Qt::LeftButton, {}, rowRect(1).center());
    QCOMPARE(m_window->model()->selectedCurve(), 1);
    QVERIFY(!player()->isPlaying());
    clickPlay();
    at(3500);
    QVERIFY(player()->isPlaying());
    QVERIFY(m_window->model()->removeCurve(0));
    QVERIFY(!player()->isPlaying());
}

void TestPlay::rangeChangesDoNotStopIt()
{
    clickPlay();
    at(500);
    type(m_window->controls()->xminControl()->spinBox(), QStringLiteral("-5"));
    QCOMPARE(m_window->model()->spec().xmin, -5.0);
    QVERIFY(player()->isPlaying());
    at(1500);
    QCOMPARE(alpha(), 1.55);
}

void TestPlay::refusedValuesAreSkipped()
{
    // A second ELU curve at α = 1.55: the sweep of the first may not land on it.
    QVERIFY(m_window->model()->addCurves({{ActivationId::Elu, 1.55}}).isEmpty());
    QVERIFY(m_window->model()->setSelectedCurve(0));
    clickPlay();
    at(1000);
    const double before = alpha();
    at(1500);
    QCOMPARE(alpha(), before); // 1.55 refused
    QVERIFY(player()->isPlaying());
    at(1600);
    QVERIFY(alpha() > 1.55);
    QCOMPARE(m_window->model()->spec().curves[1].parameter, 1.55);
}

void TestPlay::spaceTogglesOnlyOnThePlot()
{
    PlotView *view = m_window->plotView();
    // A click in the plot gives it (its canvas) the focus.
    QWidget *canvas = view->childAt(view->rect().center());
    QVERIFY(canvas);
    play()->durationBox()->setFocus();
    QTest::mouseClick(canvas, Qt::LeftButton, {}, canvas->mapFrom(view, view->rect().center()));
    QWidget *focused = QApplication::focusWidget();
    QVERIFY(focused == view || view->isAncestorOf(focused));
    QTest::keyClick(focused, Qt::Key_Space);
    QVERIFY(player()->isPlaying());
    at(1500);
    QCOMPARE(alpha(), 1.55);
    QTest::keyClick(focused, Qt::Key_Space);
    QVERIFY(!player()->isPlaying());
    QCOMPARE(alpha(), 1.55);

    // With the focus in a spin box, Space does not play.
    for (QWidget *box : std::initializer_list<QWidget *>{
             play()->fromBox(), m_window->controls()->alphaControl()->spinBox()}) {
        box->setFocus();
        QCOMPARE(QApplication::focusWidget(), box);
        QTest::keyClick(box, Qt::Key_Space);
        QVERIFY(!player()->isPlaying());
    }
    QCOMPARE(play()->fromBox()->value(), 0.1);
    QCOMPARE(alpha(), 1.55);

    // The tooltip names the key.
    QVERIFY(play()->playButton()->toolTip().contains(QStringLiteral("Space")));
}

void TestPlay::reluDisablesPlay()
{
    QVERIFY(play()->isEnabled());
    addFromTheMenu(ActivationId::Relu); // added and selected
    QCOMPARE(m_window->model()->selected().activation, ActivationId::Relu);
    QVERIFY(!play()->isEnabled());
    QVERIFY(!play()->playButton()->isEnabled());
    QVERIFY(play()->playButton()->toolTip().contains(QStringLiteral("ReLU has no parameter")));
    QVERIFY(!player()->canPlay());
    QCOMPARE(play()->fromBox()->text(), QStringLiteral("none"));
    // Nor does Space on the plot play.
    m_window->plotView()->setFocus();
    QTest::keyClick(m_window->plotView(), Qt::Key_Space);
    QVERIFY(!player()->isPlaying());
    // Back on ELU, Play is there again, with ELU's bounds.
    QTest::mouseClick(list()->viewport(), Qt::LeftButton, {}, rowRect(0).center());
    QVERIFY(play()->isEnabled());
    QVERIFY(play()->playButton()->isEnabled());
    QCOMPARE(play()->fromBox()->value(), 0.1);
    QCOMPARE(play()->toBox()->value(), 3.0);

    // Equal bounds cannot play either, and the button says why.
    type(play()->toBox(), QStringLiteral("0.1"));
    QVERIFY(!play()->playButton()->isEnabled());
    QVERIFY(play()->playButton()->toolTip().contains(QStringLiteral("the same")));
    type(play()->toBox(), QStringLiteral("2"));
    QVERIFY(play()->playButton()->isEnabled());
}

void TestPlay::boundsFollowTheActivation()
{
    addFromTheMenu(ActivationId::LeakyRelu);
    QCOMPARE(play()->fromBox()->value(), 0.0);
    QCOMPARE(play()->toBox()->value(), 0.5);
    QCOMPARE(play()->fromBox()->minimum(), 0.0);
    QCOMPARE(play()->toBox()->maximum(), 1.0); // the slope's accepted range
    // Bounds the user set stay while only the parameter changes...
    type(play()->toBox(), QStringLiteral("0.25"));
    QCOMPARE(player()->to(), 0.25);
    QVERIFY(m_window->model()->setCurveParameter(0.3));
    QCOMPARE(play()->toBox()->value(), 0.25);
    // ...and a value out of the parameter's range is not taken.
    type(play()->toBox(), QStringLiteral("7"));
    QCOMPARE(play()->toBox()->value(), 0.25);
    clickPlay();
    at(1500);
    QCOMPARE(alpha(), 0.125);
    clickPlay();
    // Softplus's β: (0, 100], from 0.5 to 5.
    addFromTheMenu(ActivationId::Softplus);
    QCOMPARE(play()->fromBox()->value(), 0.5);
    QCOMPARE(play()->toBox()->value(), 5.0);
    QVERIFY(play()->fromBox()->minimum() > 0.0);
    // Selecting ELU again brings ELU's range back.
    QTest::mouseClick(list()->viewport(), Qt::LeftButton, {}, rowRect(0).center());
    QCOMPARE(play()->fromBox()->value(), 0.1);
    QCOMPARE(play()->toBox()->value(), 3.0);
}

void TestPlay::yAxisOnlyWidensWhilePlaying()
{
    PlotView *view = m_window->plotView();
    type(play()->fromBox(), QStringLiteral("3"));
    type(play()->toBox(), QStringLiteral("0.1"));
    clickPlay();
    QCOMPARE(alpha(), 3.0);
    view->refresh();
    double xLower, xUpper, yLower, yUpper;
    view->visibleRange(xLower, xUpper, yLower, yUpper);
    const double atThree = yUpper - yLower;
    for (const qint64 ms : {300, 900, 1500, 2100, 2700, 2970}) {
        at(ms);
        view->refresh();
        view->visibleRange(xLower, xUpper, yLower, yUpper);
        QVERIFY2(yUpper - yLower >= atThree, qPrintable(QString::number(yUpper - yLower)));
    }
    QVERIFY(alpha() < 0.2);
    // Paused, the plot fits the data again: without the hold it would have shrunk.
    clickPlay();
    view->refresh();
    view->visibleRange(xLower, xUpper, yLower, yUpper);
    QVERIFY(yUpper - yLower < atThree);
}

void TestPlay::changingTheDurationKeepsThePlace()
{
    clickPlay();
    at(1500);
    QCOMPARE(alpha(), 1.55);
    type(play()->durationBox(), QStringLiteral("6"));
    QCOMPARE(player()->duration(), 6.0);
    QVERIFY(player()->isPlaying());
    at(1500 + 1500); // a quarter of the new cycle later: three quarters through
    QCOMPARE(alpha(), 2.275); // 0.1 + 2.9 · 0.75
}

void TestPlay::accessibleNamesAndMnemonics()
{
    QList<QWidget *> controls{play()->playButton(), play()->fromBox(), play()->toBox(),
                              play()->durationBox(), play()->repeatBox()};
    for (QWidget *control : controls) {
        QVERIFY2(!control->accessibleName().isEmpty(), control->metaObject()->className());
        QVERIFY(control->focusPolicy() & Qt::TabFocus);
    }
    // Each box has a label with a mnemonic that nothing else in the window uses.
    auto mnemonic = [](const QString &text) {
        static const QRegularExpression pattern(QStringLiteral("&([^&])"));
        const QRegularExpressionMatch match = pattern.match(text);
        return match.hasMatch() ? match.captured(1).toUpper() : QString();
    };
    QStringList others;
    for (QLabel *label : m_window->findChildren<QLabel *>()) {
        if (label->buddy() && !play()->isAncestorOf(label))
            others << mnemonic(label->text());
    }
    for (QAbstractButton *button : m_window->findChildren<QAbstractButton *>())
        others << mnemonic(button->text());
    for (QAction *menu : m_window->menuBar()->actions())
        others << mnemonic(menu->text());
    QStringList ours;
    for (QLabel *label : play()->findChildren<QLabel *>()) {
        QVERIFY(controls.contains(label->buddy()));
        const QString letter = mnemonic(label->text());
        QVERIFY2(!letter.isEmpty(), qPrintable(label->text()));
        QVERIFY2(!others.contains(letter), qPrintable(label->text()));
        QVERIFY2(!ours.contains(letter), qPrintable(label->text()));
        ours << letter;
    }
    QCOMPARE(ours.size(), 4);
    // Tab goes from the parameter controls into the Play row and on to the export buttons.
    m_window->controls()->pointsControl()->setFocus();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), play()->playButton());
    play()->repeatBox()->setFocus();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("exportDataButton"));
    for (const char *next : {"exportFigureButton", "exportAllButton", "resetViewButton"}) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget()->objectName(), QLatin1String(next));
    }
}

void TestPlay::aNarrowWindowWrapsTheRow()
{
    // Wide: one row, the repeat box beside the Play button.
    QTRY_VERIFY(!play()->isWrapped());
    const int playY = play()->playButton()->mapTo(play(), QPoint()).y();
    QCOMPARE(play()->repeatBox()->mapTo(play(), QPoint()).y() <= playY + 2, true);
    // The row does not make the window wider than it could be before it was there.
    play()->hide();
    QApplication::processEvents();
    const int withoutPlay = m_window->minimumSizeHint().width();
    play()->show();
    QTRY_COMPARE(m_window->minimumSizeHint().width(), withoutPlay);
    // Narrow: the duration and repeat wrap under the bounds, every control whole and visible.
    m_window->resize(withoutPlay, 700);
    QTRY_VERIFY(play()->isWrapped());
    QTRY_VERIFY(play()->durationBox()->mapTo(play(), QPoint()).y() > playY + 10);
    for (QWidget *control :
         std::initializer_list<QWidget *>{play()->playButton(), play()->fromBox(), play()->toBox(),
                                          play()->durationBox(), play()->repeatBox()}) {
        const QRect inRow(control->mapTo(play(), QPoint()), control->size());
        QVERIFY2(play()->rect().contains(inRow), control->accessibleName().toUtf8());
        QVERIFY(control->width() >= control->minimumSizeHint().width());
    }
    // And back.
    m_window->resize(1200, 800);
    QTRY_VERIFY(!play()->isWrapped());
}

QTEST_MAIN(TestPlay)
#include "tst_play.moc"
