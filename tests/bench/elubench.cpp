// SPDX-License-Identifier: MIT
// elu-bench: prints one line per figure, "name median p95 unit". `make bench` runs it.
// Timings are wall-clock medians over repeated runs; nothing here asserts a bar.
#include "curvesampler.h"
#include "datawriter.h"
#include "plotview.h"
#include "samplegrid.h"
#include "statisticspanel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <functional>
#include <string>
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

// The naive export the real one is measured against: one thread computes the three arrays,
// appends each number's std::to_chars text to one std::string and writes it with one fwrite.
// For the single ELU curve exported here (no −0 on the grid), its bytes are the real export's.
void appendNaive(std::string &out, double value)
{
    char text[32];
    out.append(text, std::to_chars(text, text + sizeof text, value).ptr);
}

std::string naiveText(const elu::PlotSpec &spec, bool json)
{
    const elu::Curve &curve = spec.curves.front();
    const elu::SampleGrid grid(spec.xmin, spec.xmax, spec.points);
    const std::size_t n = std::size_t(spec.points);
    std::vector<double> x(n), y(n), yp(n);
    for (std::size_t i = 0; i < n; ++i) {
        x[i] = grid.x(qint64(i));
        y[i] = curve.value(x[i]);
        yp[i] = curve.derivative(x[i]);
    }
    std::string out;
    out.reserve(n * 64);
    if (!json) {
        out += "x,y,yp\n";
        for (std::size_t i = 0; i < n; ++i) {
            appendNaive(out, x[i]);
            out += ',';
            appendNaive(out, y[i]);
            out += ',';
            appendNaive(out, yp[i]);
            out += '\n';
        }
        return out;
    }
    out += "{\n \"activation\": \"" + std::string(curve.descriptor().name) + "\",\n \"";
    out += std::string(curve.descriptor().parameter->keyword) + "\": ";
    appendNaive(out, curve.parameter);
    out += ",\n \"xmin\": ";
    appendNaive(out, spec.xmin);
    out += ",\n \"xmax\": ";
    appendNaive(out, spec.xmax);
    out += ",\n \"points\": " + std::to_string(spec.points) + ",\n \"generator\": \"";
    out += elu::generatorName().toStdString() + "\",\n";
    for (const auto &[key, values] :
         {std::pair{"x", &x}, std::pair{"y", &y}, std::pair{"yp", &yp}}) {
        out += std::string(" \"") + key + "\": [";
        for (std::size_t i = 0; i < n; ++i) {
            if (i > 0)
                out += ',';
            appendNaive(out, (*values)[i]);
        }
        out += key == std::string("yp") ? "]\n}\n" : "],\n";
    }
    return out;
}

bool writeNaive(const QString &path, const elu::PlotSpec &spec, bool json)
{
    const std::string text = naiveText(spec, json);
    std::FILE *file = std::fopen(QFile::encodeName(path).constData(), "wb");
    if (!file)
        return false;
    const bool written = std::fwrite(text.data(), 1, text.size(), file) == text.size();
    return std::fclose(file) == 0 && written;
}

// Waits, untimed, until the file written last is on the disk. The naive loop never syncs, so
// without this the kernel would write its 50 MB back during the next run, the real export's
// (which syncs its own file before it takes the target's name, and so waits for the disk).
void settle(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        ::fdatasync(fd);
        ::close(fd);
    }
}

// export_<kind>_1e6: saveJson or saveCsv of ELU, α = 0.5, on [−2, 2] at 10⁶ points, and
// export_<kind>_1e6_naive: the same file written by the naive loop above. When both are
// chosen, their runs alternate (so a change in the machine's load hits both alike), the naive
// file is checked once to be the real export byte for byte, and export_<kind>_ratio is printed:
// median(real) / median(naive), then the 95th percentile of the run-by-run ratios.
void benchExport(const QStringList &chosen, bool json)
{
    const char *kind = json ? "json" : "csv";
    const QByteArray realName = QByteArray("export_") + kind + "_1e6";
    const QByteArray naiveName = realName + "_naive";
    const bool real = chosen.isEmpty() || chosen.contains(QLatin1String(realName));
    const bool naive = chosen.isEmpty() || chosen.contains(QLatin1String(naiveName));
    if (!real && !naive)
        return;
    QTemporaryDir dir;
    const QString realPath = dir.filePath(QStringLiteral("bench.") + QLatin1String(kind));
    const QString naivePath = dir.filePath(QStringLiteral("naive.") + QLatin1String(kind));
    const elu::PlotSpec parameters = eluSpec(0.5, -2.0, 2.0, 1'000'000);
    auto exportReal = [&] {
        if (json ? elu::saveJson(realPath, parameters) : elu::saveCsv(realPath, parameters))
            std::fprintf(stderr, "elu-bench: export failed\n");
    };
    auto exportNaive = [&] {
        if (!writeNaive(naivePath, parameters, json))
            std::fprintf(stderr, "elu-bench: naive export failed\n");
    };
    std::vector<double> realMs, naiveMs;
    for (int run = 0; run < 11; ++run) {
        if (real) {
            realMs.push_back(millisecondsOf(exportReal));
            settle(realPath);
        }
        if (naive) {
            naiveMs.push_back(millisecondsOf(exportNaive));
            settle(naivePath);
        }
    }
    if (real)
        print(realName.constData(), summarise(realMs), "ms");
    if (!naive)
        return;
    print(naiveName.constData(), summarise(naiveMs), "ms");
    if (!real)
        exportReal();
    QFile realFile(realPath), naiveFile(naivePath);
    if (!realFile.open(QIODevice::ReadOnly) || !naiveFile.open(QIODevice::ReadOnly)) {
        std::printf("%s: cannot read the files to compare\n", naiveName.constData());
    } else {
        const QByteArray realBytes = realFile.readAll(), naiveBytes = naiveFile.readAll();
        if (realBytes != naiveBytes) {
            qsizetype at = 0;
            while (at < realBytes.size() && at < naiveBytes.size()
                   && realBytes[at] == naiveBytes[at])
                ++at;
            std::printf("%s: NOT the real export's bytes (%lld and %lld bytes, first difference "
                        "at byte %lld)\n",
                        naiveName.constData(), qlonglong(naiveBytes.size()),
                        qlonglong(realBytes.size()), qlonglong(at));
        }
    }
    if (!real)
        return;
    std::vector<double> ratios;
    for (std::size_t run = 0; run < realMs.size(); ++run)
        ratios.push_back(realMs[run] / naiveMs[run]);
    print((QByteArray("export_") + kind + "_ratio").constData(),
          {summarise(realMs).median / summarise(naiveMs).median, summarise(ratios).p95}, "x");
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

// The statistics panel with 8 curves (closed forms and quadrature mixed), recomputed after a
// change: of the selected curve's parameter (`moveInput` false: the table and the marker; the
// plotted sweep is kept), or of μ (true: the table and the sweep of the selected curve).
void benchStatsUpdate(const char *name, elu::ActivationId selected, bool moveInput)
{
    using Id = elu::ActivationId;
    elu::PlotModel model;
    elu::PlotSpec spec;
    spec.curves = {{Id::Elu, 1.0},  {Id::Gelu, 0.0}, {Id::Silu, 0.0},     {Id::Mish, 0.0},
                   {Id::Relu, 0.0}, {Id::Selu, 0.0}, {Id::Softplus, 1.0}, {Id::Tanh, 0.0}};
    model.setSpec(spec);
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.spec().curves[std::size_t(row)].activation == selected)
            model.setSelectedCurve(row);
    }
    StatisticsPanel panel(&model);
    panel.resize(900, 300);
    panel.show();
    QCoreApplication::processEvents();
    std::vector<double> samples;
    for (int step = 0; step < 120; ++step) {
        const double value = 0.2 + 0.02 * step;
        const double ms = millisecondsOf([&] {
            if (moveInput)
                panel.setInput({value - 1.0, 1.0});
            else
                model.setCurveParameter(value);
            panel.refresh();
        });
        if (step >= 20)
            samples.push_back(ms);
    }
    print(name, summarise(samples), "ms");
}

// Runs the real app (offscreen): its run time in ms, and whether it succeeded.
struct ChildRun
{
    double milliseconds = 0;
    bool succeeded = false; ///< started and exited with status 0
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
    // The app's "peak-rss-kb" line (--first-frame-exit) is not this table's: to /dev/null.
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    QElapsedTimer timer;
    timer.start();
    pid_t pid = 0;
    ChildRun result;
    const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0)
        return result;
    int status = 0;
    waitpid(pid, &status, 0);
    result.succeeded = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    result.milliseconds = double(timer.nsecsElapsed()) / 1e6;
    return result;
}

// The app's own peak memory, as it reports it (VmHWM) when it quits at its first frame: a
// child's rusage from wait4 would also count this process's memory, shared until the exec.
void benchRss(const char *name, const QString &app, const char *points)
{
    std::vector<double> samples;
    for (int run = 0; run < 5; ++run) {
        QProcess child;
        child.start(app, {QStringLiteral("--points"), QString::fromLatin1(points),
                          QStringLiteral("--first-frame-exit")});
        child.waitForFinished(120'000);
        const QByteArray out = child.readAllStandardOutput();
        const qsizetype at = out.indexOf("peak-rss-kb ");
        if (child.exitCode() != 0 || at < 0) {
            std::printf("%-26s failed: no peak-rss-kb line from elu-explorer\n", name);
            return;
        }
        samples.push_back(out.mid(at + 12).trimmed().split('\n').value(0).toDouble() / 1024.0);
    }
    print(name, summarise(samples), "MB");
}

void benchStartup(const QString &app)
{
    std::vector<double> samples;
    for (int run = 0; run < 21; ++run)
        samples.push_back(runApp(app, {QStringLiteral("--first-frame-exit")}).milliseconds);
    print("startup", summarise(samples), "ms");
}

// The animation: ReLU as a still backdrop, ELU's α from 0.1 to 3 in 60 frames of
// 800×600 at scale 1, as the command line writes it (start-up included); then the file's size.
void benchAnimation(const char *name, const QString &app, const char *option,
                    const char *suffix)
{
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("a.") + QLatin1String(suffix));
    std::vector<double> samples;
    for (int run = 0; run < 5; ++run) {
        const ChildRun child = runApp(app, {QStringLiteral("--curve"), QStringLiteral("relu"),
                                       QStringLiteral("--curve"), QStringLiteral("elu"),
                                       QStringLiteral("--animate"), QStringLiteral("alpha=0.1:3"),
                                       QStringLiteral("--frames"), QStringLiteral("60"),
                                       QStringLiteral("--width"), QStringLiteral("800"),
                                       QStringLiteral("--height"), QStringLiteral("600"),
                                       QStringLiteral("--scale"), QStringLiteral("1"),
                                       QLatin1String(option), path});
        if (!child.succeeded || !QFileInfo::exists(path)) { // a failed run is no figure
            std::printf("%-26s failed: elu-explorer did not write %s\n", name, qPrintable(path));
            return;
        }
        samples.push_back(child.milliseconds);
    }
    print(name, summarise(samples), "ms");
    const double kilobytes = double(QFileInfo(path).size()) / 1024.0;
    print((std::string(name) + "_size").c_str(), {kilobytes, kilobytes}, "KB");
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
    if (wanted("stats_update_8curves"))
        benchStatsUpdate("stats_update_8curves", elu::ActivationId::Elu, false);
    if (wanted("stats_input_8curves"))
        benchStatsUpdate("stats_input_8curves", elu::ActivationId::Softplus, true);
    benchExport(chosen, true);
    benchExport(chosen, false);
    if (wanted("rss_1e6"))
        benchRss("rss_1e6", explorer, "1000000");
    if (wanted("rss_1e7"))
        benchRss("rss_1e7", explorer, "10000000");
    if (wanted("startup"))
        benchStartup(explorer);
    if (wanted("animation_gif_60x800x600"))
        benchAnimation("animation_gif_60x800x600", explorer, "--gif", "gif");
    if (wanted("animation_webp_60x800x600"))
        benchAnimation("animation_webp_60x800x600", explorer, "--webp", "webp");
    return 0;
}
