// SPDX-License-Identifier: MIT
#include "datawriter.h"

#include "catalogue.h"
#include "controlleddevice.h"
#include "numberformat.h"
#include "orderedparallelformat.h"
#include "safefilewriter.h"
#include "samplegrid.h"
#include "version.h"

#include <QDir>
#include <QFileInfo>
#include <QIODevice>

#include <array>
#include <atomic>
#include <string>
#include <string_view>
#include <vector>

namespace elu {

namespace {

// 64 Ki samples a task: large enough to amortise a thread start, small enough that the
// formatting buffers stay at a few MB for any N.
constexpr qint64 samplesPerChunk = 1 << 16;

bool writeAll(QIODevice &device, const std::string &text)
{
    return device.write(text.data(), qint64(text.size())) == qint64(text.size());
}

void appendNumber(std::string &out, double value)
{
    // ELU′ is 1 for every x > 0: half of a typical derivative array needs no formatting.
    if (value == 1.0) {
        out.push_back('1');
        return;
    }
    char buffer[maxNumberLength];
    out.append(buffer, writeShortest(buffer, value));
}

// Formatting is three quarters of an export's work (callgrind), and for the activations with
// f(x) = x for x > 0 (Activation::identityOnPositive) the text of the x array's chunks that lie
// wholly in x > 0 is kept and reused as the y array's, up to 64 MB (about 3.5 million samples);
// chunks beyond that are formatted again. A cache made with `enabled` false keeps nothing.
class PositiveChunkCache
{
    static constexpr std::size_t maxBytes = std::size_t(64) << 20;

public:
    explicit PositiveChunkCache(const SampleGrid &grid, bool enabled)
        : m_grid(grid)
        , m_chunks(enabled ? std::size_t((grid.count() + samplesPerChunk - 1) / samplesPerChunk)
                           : 0)
    {
    }

    // Each chunk has its own slot, so formatting threads never share one.
    void keep(qint64 begin, const std::string &text)
    {
        if (m_chunks.empty() || !(m_grid.x(begin) > 0.0) || m_bytes.fetch_add(text.size()) + text.size() > maxBytes)
            return;
        m_chunks[std::size_t(begin / samplesPerChunk)] = text;
    }

    bool reuse(qint64 begin, std::string &out)
    {
        if (m_chunks.empty())
            return false;
        std::string &kept = m_chunks[std::size_t(begin / samplesPerChunk)];
        if (kept.empty())
            return false;
        out.swap(kept);
        std::string().swap(kept);
        return true;
    }

private:
    const SampleGrid &m_grid;
    std::vector<std::string> m_chunks;
    std::atomic<std::size_t> m_bytes{0};
};

template<class ValueAt, class AfterFormat, class Reuse>
bool writeJsonArray(QIODevice &device, const SampleGrid &grid, ValueAt valueAt,
                    AfterFormat afterFormat, Reuse reuse)
{
    return formatInOrder(
        grid.count(), samplesPerChunk,
        [&](qint64 begin, qint64 end, std::string &out) {
            if (reuse(begin, out))
                return;
            out.reserve(std::size_t(end - begin) * 25);
            for (qint64 i = begin; i < end; ++i) {
                if (i > 0)
                    out.push_back(',');
                appendNumber(out, valueAt(grid.x(i)));
            }
            afterFormat(begin, out);
        },
        [&](const std::string &text) { return writeAll(device, text); });
}

} // namespace

QString generatorName()
{
    return QStringLiteral("elu-explorer " ELU_EXPLORER_VERSION);
}

bool writeJson(QIODevice &device, const PlotSpec &spec, const Curve &curve)
{
    const Activation &row = curve.descriptor();
    const SampleGrid grid(spec.xmin, spec.xmax, spec.points);
    std::string header = "{\n \"activation\": \"" + std::string(row.name) + "\",\n";
    if (row.parameter) {
        header += " \"" + std::string(row.parameter->keyword) + "\": ";
        appendNumber(header, curve.parameter);
        header += ",\n";
    }
    header += " \"xmin\": ";
    appendNumber(header, spec.xmin);
    header += ",\n \"xmax\": ";
    appendNumber(header, spec.xmax);
    header += ",\n \"points\": " + std::to_string(spec.points);
    header += ",\n \"generator\": \"" + generatorName().toStdString() + "\",\n \"x\": [";

    PositiveChunkCache positive(grid, row.identityOnPositive);
    auto keep = [&](qint64 begin, const std::string &text) { positive.keep(begin, text); };
    auto reuse = [&](qint64 begin, std::string &out) { return positive.reuse(begin, out); };
    auto nothingKept = [](qint64, const std::string &) {};
    auto nothingToReuse = [](qint64, std::string &) { return false; };
    return writeAll(device, header)
           && writeJsonArray(
               device, grid, [](double x) { return x; }, keep, nothingToReuse)
           && writeAll(device, "],\n \"y\": [")
           && writeJsonArray(
               device, grid, [&curve](double x) { return curve.value(x); }, nothingKept, reuse)
           && writeAll(device, "],\n \"yp\": [")
           && writeJsonArray(
               device, grid, [&curve](double x) { return curve.derivative(x); }, nothingKept,
               nothingToReuse)
           && writeAll(device, "]\n}\n");
}

bool writeJson(QIODevice &device, const PlotSpec &spec)
{
    return writeJson(device, spec, spec.curves.front());
}

std::vector<QString> curveLabels(const std::vector<Curve> &curves)
{
    std::array<int, activationCount> uses{};
    for (const Curve &curve : curves)
        ++uses[std::size_t(curve.activation)];
    std::vector<QString> labels;
    for (const Curve &curve : curves)
        labels.push_back(curve.fileStem(uses[std::size_t(curve.activation)] > 1));
    return labels;
}

bool writeCsv(QIODevice &device, const PlotSpec &spec)
{
    const SampleGrid grid(spec.xmin, spec.xmax, spec.points);
    std::string header = "x";
    if (spec.curves.size() == 1) {
        header += ",y,yp";
    } else {
        for (const QString &label : curveLabels(spec.curves))
            header += "," + label.toStdString() + ".y," + label.toStdString() + ".yp";
    }
    header += '\n';
    const std::vector<Curve> &curves = spec.curves;
    return writeAll(device, header)
           && formatInOrder(
               grid.count(), samplesPerChunk,
               [&](qint64 begin, qint64 end, std::string &out) {
                   out.reserve(std::size_t(end - begin) * (24 + 48 * curves.size()));
                   char xText[maxNumberLength];
                   for (qint64 i = begin; i < end; ++i) {
                       const double x = grid.x(i);
                       const std::string_view xView(xText,
                                                    std::size_t(writeShortest(xText, x) - xText));
                       out.append(xView);
                       for (const Curve &curve : curves) {
                           out.push_back(',');
                           if (x > 0.0 && curve.descriptor().identityOnPositive) {
                               out.append(xView); // f(x) = x and f′(x) = 1
                               out.append(",1");
                               continue;
                           }
                           appendNumber(out, curve.value(x));
                           out.push_back(',');
                           appendNumber(out, curve.derivative(x));
                       }
                       out.push_back('\n');
                   }
               },
               [&](const std::string &text) { return writeAll(device, text); });
}

namespace {

// Writes through a ControlledDevice when the caller asked for progress or cancellation.
template<class Write>
WriteResult writeControlled(const QString &path, const WriteControl &control, Write write)
{
    if (!control.cancelled && !control.progress)
        return writeFileAtomically(path, write);
    return writeFileAtomically(path, [&](QIODevice &device) {
        ControlledDevice controlled(device, control);
        return write(controlled);
    });
}

} // namespace

WriteResult saveJson(const QString &path, const PlotSpec &spec, const Curve &curve,
                     const WriteControl &control)
{
    return writeControlled(path, control,
                           [&](QIODevice &device) { return writeJson(device, spec, curve); });
}

WriteResult saveJson(const QString &path, const PlotSpec &spec)
{
    return saveJson(path, spec, spec.curves.front());
}

WriteResult saveJsonFolder(const QString &folder, const PlotSpec &spec, const WriteControl &control)
{
    const QFileInfo info(folder);
    if (info.exists() && !info.isDir())
        return WriteError{folder, QStringLiteral("it is a file, and several curves need a folder")};
    // A failed export leaves no folder it made, nor the files it wrote into one.
    NewFolders made;
    if (const std::optional<QString> why = made.create(folder))
        return WriteError{folder, *why};
    const std::vector<QString> labels = curveLabels(spec.curves);
    for (std::size_t i = 0; i < spec.curves.size(); ++i) {
        const QString path = QDir(folder).filePath(labels[i] + QStringLiteral(".json"));
        if (WriteResult failed = saveJson(path, spec, spec.curves[i], control))
            return failed;
        if (made.madeAny())
            made.removeWith(path);
    }
    made.keep();
    return {};
}

WriteResult saveCsv(const QString &path, const PlotSpec &spec, const WriteControl &control)
{
    return writeControlled(path, control,
                           [&](QIODevice &device) { return writeCsv(device, spec); });
}

} // namespace elu
