// SPDX-License-Identifier: MIT
// Sessions in the window: save, change everything, open, and the window and its exports are
// what they were, byte for byte.
#include "filesupport.h"
#include "mainwindow.h"
#include "plotmodel.h"
#include "plotview.h"
#include "sessionfile.h"
#include "windowsupport.h"

#include <QAction>
#include <QFile>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using elu::ActivationId;

using testsupport::contentsOf;

namespace {

} // namespace

class TestWindowSession : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void roundTripRemakesWindowAndFiles();
    void badSessionIsRefusedAndNothingChanges();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
};

void TestWindowSession::init()
{
    QVERIFY(testsupport::openWindow(m_settings, m_window,
                                    m_dir.filePath(QStringLiteral("s.ini")),
                                    QSize(1100, 760)));
}

void TestWindowSession::cleanup()
{
    m_window.reset();
    m_settings.reset();
}

void TestWindowSession::roundTripRemakesWindowAndFiles()
{
    elu::PlotModel *model = m_window->model();
    QVERIFY(model->addCurves({{ActivationId::Relu, 0.0}, {ActivationId::LeakyRelu, 0.1},
                              {ActivationId::Gelu, 0.0}})
                .isEmpty());
    QVERIFY(model->setCurveColour(2, 0x336699u));
    QVERIFY(model->setCurveVisible(3, false));
    QVERIFY(model->setSelectedCurve(2));
    QVERIFY(model->setXmin(-3.0));
    QVERIFY(model->setPoints(777));
    model->setLayout(elu::PlotLayout::Stacked);
    m_window->plotView()->refresh();

    const QString session = m_dir.filePath(QStringLiteral("s.elusession"));
    m_window->setSavePathPrompt(
        [&](const QString &, const QString &, const QString &) { return session; });
    QTest::keySequence(m_window.get(), QKeySequence(QStringLiteral("Ctrl+S")));
    QVERIFY(QFile::exists(session));
    const elu::Session saved = m_window->session();
    QVERIFY(m_window->exportDataTo(m_dir.filePath(QStringLiteral("before.csv"))));
    QVERIFY(m_window->exportFigureTo(m_dir.filePath(QStringLiteral("before.svg")), saved.figure));

    // Change everything, then open the session again from File ▸ Open Recent.
    m_window->findChild<QAction *>(QStringLiteral("restoreDefaultsAction"))->trigger();
    QCOMPARE(model->rowCount(), 1);
    QMenu *recent = m_window->findChild<QMenu *>(QStringLiteral("recentSessionsMenu"));
    QVERIFY(recent);
    QCOMPARE(recent->actions().size(), 1);
    recent->actions().first()->trigger();

    QCOMPARE(model->spec(), saved.spec);
    QCOMPARE(model->appearance(), saved.appearance);
    QCOMPARE(model->selectedCurve(), 2);
    QCOMPARE(model->layout(), elu::PlotLayout::Stacked);
    m_window->plotView()->refresh();
    QVERIFY(m_window->exportDataTo(m_dir.filePath(QStringLiteral("after.csv"))));
    QVERIFY(m_window->exportFigureTo(m_dir.filePath(QStringLiteral("after.svg")), saved.figure));
    QCOMPARE(contentsOf(m_dir.filePath(QStringLiteral("after.csv"))),
             contentsOf(m_dir.filePath(QStringLiteral("before.csv"))));
    QCOMPARE(contentsOf(m_dir.filePath(QStringLiteral("after.svg"))),
             contentsOf(m_dir.filePath(QStringLiteral("before.svg"))));
}

void TestWindowSession::badSessionIsRefusedAndNothingChanges()
{
    const QString path = m_dir.filePath(QStringLiteral("bad.elusession"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"format": "elu-explorer-session", "version": 1,
                  "curves": [{"activation": "elu", "alpha": 200}]})");
    file.close();
    const elu::PlotSpec before = m_window->model()->spec();
    QString shown;
    QTimer::singleShot(0, this, [&] {
        for (QMessageBox *box : m_window->findChildren<QMessageBox *>()) {
            shown = box->informativeText();
            box->accept();
        }
    });
    QVERIFY(!m_window->openSessionFile(path));
    QVERIFY2(shown.contains(QStringLiteral("curves[0].alpha")), qPrintable(shown));
    QVERIFY2(shown.contains(QStringLiteral("bad.elusession")), qPrintable(shown));
    QCOMPARE(m_window->model()->spec(), before);
}

QTEST_MAIN(TestWindowSession)
#include "tst_windowsession.moc"
