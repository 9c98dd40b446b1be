// SPDX-License-Identifier: MIT
#include "exportprogress.h"

#include <QEventLoop>
#include <QProgressDialog>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <memory>

namespace {

constexpr int progressSteps = 1000;
constexpr int refreshMs = 50;
constexpr int showAfterMs = 300; // quick exports never flash a dialog

} // namespace

ExportOutcome runExport(QWidget *parent, const QString &label, qint64 expectedBytes,
                        const std::function<elu::WriteResult(const elu::WriteControl &)> &work)
{
    std::atomic<bool> cancelled{false};
    std::atomic<qint64> written{0};
    elu::WriteControl control;
    control.cancelled = &cancelled;
    control.progress = [&written](qint64 bytes) { written.store(bytes); };

    ExportOutcome outcome;
    std::unique_ptr<QThread> worker(QThread::create([&] { outcome.result = work(control); }));

    QProgressDialog dialog(label, QObject::tr("Cancel"), 0, progressSteps, parent);
    dialog.setWindowModality(Qt::WindowModal);
    dialog.setMinimumDuration(showAfterMs);
    dialog.setAutoReset(false);
    dialog.setAutoClose(false);
    dialog.setValue(0);
    QObject::connect(&dialog, &QProgressDialog::canceled, &dialog,
                     [&cancelled] { cancelled.store(true); });
    QTimer ticker;
    QObject::connect(&ticker, &QTimer::timeout, &dialog, [&] {
        const double share = double(written.load()) / double(std::max<qint64>(1, expectedBytes));
        dialog.setValue(std::min(progressSteps - 1, int(share * progressSteps)));
    });
    ticker.start(refreshMs);

    QEventLoop loop;
    QObject::connect(worker.get(), &QThread::finished, &loop, &QEventLoop::quit);
    worker->start();
    loop.exec();
    worker->wait();
    outcome.cancelled = cancelled.load() && outcome.result.has_value();
    return outcome;
}
