// SPDX-License-Identifier: MIT
// MainWindow's sessions: save, open, open recent, and applying one.
#include "mainwindow.h"
#include "ui_mainwindow.h"

#include "plotview.h"
#include "sessionfile.h"
#include "statisticspanel.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QStatusBar>

namespace {

constexpr int successTimeoutMs = 10000;

} // namespace

QString MainWindow::applySession(const elu::Session &session)
{
    if (const QString error = elu::validate(session); !error.isEmpty())
        return error;
    if (const QString error = m_model.setState(session.spec, session.appearance,
                                               session.selectedCurve, session.layout);
        !error.isEmpty())
        return error;
    m_ui->plotView->refresh(); // the panels exist before the view is set
    m_ui->plotView->setViewRange(session.view);
    m_figureOptions = session.figure;
    m_statistics->setInput({session.statisticsMu, session.statisticsSigma});
    return {};
}

bool MainWindow::openSessionFile(const QString &path)
{
    const elu::SessionReadResult read = elu::readSessionFile(path);
    QString error = read.error;
    if (read.session)
        error = applySession(*read.session);
    if (!error.isEmpty()) {
        QMessageBox box(QMessageBox::Warning, tr("ELU Explorer"),
                        tr("The session could not be opened."), QMessageBox::Ok, this);
        box.setInformativeText(
            tr("%1: %2").arg(QDir::toNativeSeparators(path), error));
        box.setWindowModality(Qt::WindowModal);
        box.exec();
        return false;
    }
    rememberSession(path);
    statusBar()->showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(path)),
                             successTimeoutMs);
    return true;
}

bool MainWindow::saveSessionFile(const QString &path)
{
    if (const elu::WriteResult failed = elu::saveSession(path, session())) {
        showWriteError(tr("The session could not be saved."), {*failed});
        return false;
    }
    rememberSession(path);
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), successTimeoutMs);
    return true;
}

void MainWindow::openSession()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Session"), m_settings.lastExportFolder(),
        tr("ELU Explorer sessions (*.elusession);;All files (*)"));
    if (!path.isEmpty())
        openSessionFile(path);
}

void MainWindow::saveSession()
{
    const QString path = m_askSavePath(tr("Save Session"), suggestedPath(QStringLiteral("elusession")),
                                       tr("ELU Explorer sessions (*.elusession)"));
    if (path.isEmpty())
        return;
    saveSessionFile(QFileInfo(path).suffix().isEmpty() ? path + QStringLiteral(".elusession")
                                                       : path);
}

void MainWindow::rememberSession(const QString &path)
{
    QStringList recent = m_settings.recentSessions();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    m_settings.saveRecentSessions(recent);
    fillRecentSessionsMenu();
}

void MainWindow::fillRecentSessionsMenu()
{
    QMenu *menu = m_ui->recentSessionsMenu;
    menu->clear();
    const QStringList recent = m_settings.recentSessions();
    for (const QString &path : recent) {
        QAction *action = menu->addAction(QFileInfo(path).fileName());
        action->setToolTip(QDir::toNativeSeparators(path));
        connect(action, &QAction::triggered, this, [this, path] { openSessionFile(path); });
    }
    menu->setEnabled(!recent.isEmpty());
}
