// SPDX-License-Identifier: MIT
#include "datawriter.h"

#include "elu.h"
#include "numberformat.h"
#include "orderedparallelformat.h"
#include "safefilewriter.h"
#include "samplegrid.h"
#include "version.h"

#include <QIODevice>

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

// Formatting is three quarters of an export's work (callgrind), and ELU(x) = x for x > 0: the
// text of the x array's chunks that lie wholly in x > 0 is kept and reused as the y array's,
// up to 64 MB (about 3.5 million samples); chunks beyond that are formatted again.
class PositiveChunkCache
{
    static constexpr std::size_t maxBytes = std::size_t(64) << 20;

public:
    explicit PositiveChunkCache(const SampleGrid &grid)
        : m_grid(grid)
        , m_chunks(std::size_t((grid.count() + samplesPerChunk - 1) / samplesPerChunk))
    {
    }

    // Each chunk has its own slot, so formatting threads never share one.
    void keep(qint64 begin, const std::string &text)
    {
        if (!(m_grid.x(begin) > 0.0) || m_bytes.fetch_add(text.size()) + text.size() > maxBytes)
            return;
        m_chunks[std::size_t(begin / samplesPerChunk)] = text;
    }

    bool reuse(qint64 begin, std::string &out)
    {
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

bool writeJson(QIODevice &device, const Parameters &parameters)
{
    const double alpha = parameters.alpha;
    const SampleGrid grid(parameters.xmin, parameters.xmax, parameters.points);
    std::string header = "{\n \"activation\": \"elu\",\n \"alpha\": ";
    appendNumber(header, alpha);
    header += ",\n \"xmin\": ";
    appendNumber(header, parameters.xmin);
    header += ",\n \"xmax\": ";
    appendNumber(header, parameters.xmax);
    header += ",\n \"points\": " + std::to_string(parameters.points);
    header += ",\n \"generator\": \"" + generatorName().toStdString() + "\",\n \"x\": [";

    PositiveChunkCache positive(grid);
    auto keep = [&](qint64 begin, const std::string &text) { positive.keep(begin, text); };
    auto reuse = [&](qint64 begin, std::string &out) { return positive.reuse(begin, out); };
    auto nothingKept = [](qint64, const std::string &) {};
    auto nothingToReuse = [](qint64, std::string &) { return false; };
    return writeAll(device, header)
           && writeJsonArray(
               device, grid, [](double x) { return x; }, keep, nothingToReuse)
           && writeAll(device, "],\n \"y\": [")
           && writeJsonArray(
               device, grid, [alpha](double x) { return value(x, alpha); }, nothingKept, reuse)
           && writeAll(device, "],\n \"yp\": [")
           && writeJsonArray(
               device, grid, [alpha](double x) { return derivative(x, alpha); }, nothingKept,
               nothingToReuse)
           && writeAll(device, "]\n}\n");
}

bool writeCsv(QIODevice &device, const Parameters &parameters)
{
    const double alpha = parameters.alpha;
    const SampleGrid grid(parameters.xmin, parameters.xmax, parameters.points);
    return writeAll(device, "x,y,yp\n")
           && formatInOrder(
               grid.count(), samplesPerChunk,
               [&](qint64 begin, qint64 end, std::string &out) {
                   out.reserve(std::size_t(end - begin) * 72);
                   char xText[maxNumberLength];
                   for (qint64 i = begin; i < end; ++i) {
                       const double x = grid.x(i);
                       const std::string_view xView(xText,
                                                    std::size_t(writeShortest(xText, x) - xText));
                       out.append(xView);
                       out.push_back(',');
                       if (x > 0.0) {
                           // ELU(x) = x and ELU′(x) = 1: the row is "x,x,1".
                           out.append(xView);
                           out.append(",1\n");
                           continue;
                       }
                       appendNumber(out, value(x, alpha));
                       out.push_back(',');
                       appendNumber(out, derivative(x, alpha));
                       out.push_back('\n');
                   }
               },
               [&](const std::string &text) { return writeAll(device, text); });
}

WriteResult saveJson(const QString &path, const Parameters &parameters)
{
    return writeFileAtomically(path,
                               [&](QIODevice &device) { return writeJson(device, parameters); });
}

WriteResult saveCsv(const QString &path, const Parameters &parameters)
{
    return writeFileAtomically(path,
                               [&](QIODevice &device) { return writeCsv(device, parameters); });
}

} // namespace elu
