// SPDX-License-Identifier: MIT
// elu-bench: prints one line per figure, "name median p95 unit". `make bench` runs it.
// Timings are wall-clock medians over repeated runs; nothing here asserts a bar.
#include "curvesampler.h"
#include "datawriter.h"
#include "plotview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

extern char **environ;

namespace {

elu::PlotSpec eluSpec(double alpha, double xmin, double xmax, qint64 points)
{
    elu::PlotSpec spec;
    spec.curves = {{elu::ActivationId::Elu, alpha}};
    spec.xmin = xmin;
    spec.xmax = xmax;
    spec.points = points;
    return spec;
}

struct Figure
{
    double median;
    double p95;
};

Figure summarise(std::vector<double> samples)
{
    std::sort(samples.begin(), samples.end());
    const auto at = [&](double q) {
        return samples[std::min(samples.size() - 1,
                                std::size_t(q * double(samples.size() - 1) + 0.5))];
    };
    return {at(0.5), at(0.95)};
}

void print(const char *name, const Figure &figure, const char *unit)
{
    std::printf("%-26s %10.3f %10.3f %s\n", name, figure.median, figure.p95, unit);
    std::fflush(stdout);
}

double millisecondsOf(const std::function<void()> &work)
{
    QElapsedTimer timer;
    timer.start();
    work();
    return double(timer.nsecsElapsed()) / 1e6;
}

// From a changed α to the finished replot, over α values like a slider drag.
void benchUpdate(const char *name, qint64 points)
{
    PlotView view;
    view.resize(1280, 800);
    view.show();
    QCoreApplication::processEvents();
    std::vector<double> samples;
    for (int step = 0; step < 120; ++step) {
        const double alpha = 0.2 + 0.02 * step;
        const double ms = millisecondsOf([&] {
            view.setSpec(eluSpec(alpha, -2.0, 2.0, points));
            view.refresh();
        });
        if (step >= 20) // the first steps warm caches and allocate buffers
            samples.push_back(ms);
    }
    print(name, summarise(samples), "ms");

    // The antialiased frame drawn when a drag stops, and a single change after a pause.
    std::vector<double> settled;
    for (int step = 0; step < 30; ++step) {
        view.setSpec(eluSpec(0.3 + 0.05 * step, -2.0, 2.0, points));
        view.refresh();
        settled.push_back(millisecondsOf([&] { view.settle(); }));
    }
    print((QByteArray(name) + "_settle").constData(), summarise(settled), "ms");
}

// A drag of the selected curve's α with 8 curves at N = 10⁷: the window's redraw, in either
// layout.
void benchUpdateEightCurves(const char *name, elu::PlotLayout layout)
{
    using Id = elu::ActivationId;
    PlotView view;
    view.resize(1280, 800);
    view.show();
    elu::PlotSpec spec;
    spec.curves = {{Id::Elu, 1.0},  {Id::Gelu, 0.0}, {Id::Silu, 0.0},     {Id::Mish, 0.0},
                   {Id::Relu, 0.0}, {Id::Selu, 0.0}, {Id::Softplus, 1.0}, {Id::GeluTanh, 0.0}};
    spec.points = 10'000'000;
    view.setSpec(spec);
    view.model()->setLayout(layout);
    view.model()->setSelectedCurve(0);
    QCoreApplication::processEvents();
    std::vector<double> samples;
    for (int step = 0; step < 120; ++step) {
        const double alpha = 0.2 + 0.02 * step;
        const double ms = millisecondsOf([&] {
            view.model()->setCurveParameter(alpha);
            view.refresh();
        });
        if (step >= 20)
            samples.push_back(ms);
    }
    print(name, summarise(samples), "ms");
}

void benchExport(const char *name, bool json)
{
    QTemporaryDir dir;
    const QString path =
        dir.filePath(json ? QStringLiteral("bench.json") : QStringLiteral("bench.csv"));
    const elu::PlotSpec parameters = eluSpec(0.5, -2.0, 2.0, 1'000'000);
    std::vector<double> samples;
    for (int run = 0; run < 11; ++run) {
        samples.push_back(millisecondsOf([&] {
            if (json ? elu::saveJson(path, parameters) : elu::saveCsv(path, parameters))
                std::fprintf(stderr, "elu-bench: export failed\n");
        }));
    }
    print(name, summarise(samples), "ms");
}

// Choosing and evaluating the samples a 1280-column plot draws of 8 curves (f and f′), monotonic
// and not, at N = 10⁷: the sampling half of a redraw, without painting.
void benchSampleEightCurves()
{
    using Id = elu::ActivationId;
    elu::PlotSpec spec;
    spec.curves = {{Id::Elu, 1.0},  {Id::Gelu, 0.0}, {Id::Silu, 0.0},    {Id::Mish, 0.0},
                   {Id::Relu, 0.0}, {Id::Selu, 0.0}, {Id::Softplus, 1.0}, {Id::GeluTanh, 0.0}};
    spec.xmin = -4.0;
    spec.xmax = 4.0;
    spec.points = 10'000'000;
    elu::PlotSamples samples;
    std::vector<double> times;
    for (int run = 0; run < 220; ++run) {
        // The view moves a little each run, as during a pan, so nothing is reused by accident.
        const double shift = 0.001 * run;
        const double ms = millisecondsOf(
            [&] { elu::samplePlot(spec, -4.0 + shift, 4.0 - shift, 1280, samples); });
        if (run >= 20)
            times.push_back(ms);
    }
    print("sample_8curves_1e7", summarise(times), "ms");
}

// Runs the real app (offscreen), returns its peak resident memory in MB or its run time in ms.
struct ChildRun
{
    double peakMegabytes = 0;
    double milliseconds = 0;
};

ChildRun runApp(const QString &app, const QStringList &arguments)
{
    std::vector<QByteArray> storage{app.toLocal8Bit()};
    for (const QString &argument : arguments)
        storage.push_back(argument.toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &item : storage)
        argv.push_back(item.data());
    argv.push_back(nullptr);
    QElapsedTimer timer;
    timer.start();
    pid_t pid = 0;
    ChildRun result;
    if (posix_spawn(&pid, argv[0], nullptr, nullptr, argv.data(), environ) != 0)
        return result;
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    result.milliseconds = double(timer.nsecsElapsed()) / 1e6;
    result.peakMegabytes = double(usage.ru_maxrss) / 1024.0;
    return result;
}

void benchRss(const char *name, const QString &app, const char *points)
{
    std::vector<double> samples;
    for (int run = 0; run < 5; ++run)
        samples.push_back(runApp(app, {QStringLiteral("--points"), QString::fromLatin1(points),
                                       QStringLiteral("--first-frame-exit")})
                              .peakMegabytes);
    print(name, summarise(samples), "MB");
}

void benchStartup(const QString &app)
{
    std::vector<double> samples;
    for (int run = 0; run < 21; ++run)
        samples.push_back(runApp(app, {QStringLiteral("--first-frame-exit")}).milliseconds);
    print("startup", summarise(samples), "ms");
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QString explorer =
        QCoreApplication::applicationDirPath() + QStringLiteral("/../../app/elu-explorer");
    // The app's settings must not leak into the figures: a fresh configuration folder.
    QTemporaryDir config;
    qputenv("XDG_CONFIG_HOME", config.path().toLocal8Bit());

    // Names on the command line pick figures (elu-bench update_1e3 startup); none runs all.
    const QStringList chosen = QCoreApplication::arguments().mid(1);
    auto wanted = [&](const char *name) {
        return chosen.isEmpty() || chosen.contains(QLatin1String(name));
    };
    std::printf("%-26s %10s %10s %s\n", "name", "median", "p95", "unit");
    for (const auto &[name, points] :
         {std::pair{"update_1e3", 1'000}, std::pair{"update_1e5", 100'000},
          std::pair{"update_1e6", 1'000'000}, std::pair{"update_1e7", 10'000'000}}) {
        if (wanted(name))
            benchUpdate(name, points);
    }
    if (wanted("sample_8curves_1e7"))
        benchSampleEightCurves();
    if (wanted("update_8curves_1e7"))
        benchUpdateEightCurves("update_8curves_1e7", elu::PlotLayout::Overlaid);
    if (wanted("update_8curves_1e7_stacked"))
        benchUpdateEightCurves("update_8curves_1e7_stacked", elu::PlotLayout::Stacked);
    if (wanted("export_json_1e6"))
        benchExport("export_json_1e6", true);
    if (wanted("export_csv_1e6"))
        benchExport("export_csv_1e6", false);
    if (wanted("rss_1e6"))
        benchRss("rss_1e6", explorer, "1000000");
    if (wanted("rss_1e7"))
        benchRss("rss_1e7", explorer, "10000000");
    if (wanted("startup"))
        benchStartup(explorer);
    return 0;
}
