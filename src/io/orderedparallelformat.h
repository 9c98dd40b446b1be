// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

namespace elu {

/// Formats chunks [0, chunkCount) as text on every core and passes each chunk's text to `sink`
/// in chunk order, from the calling thread, while the worker threads (one per core) go on
/// formatting the chunks after it: writing overlaps formatting. The calling thread formats too
/// whenever its next chunk is not ready yet, so that it never sits idle while there is work
/// (on a busy machine a worker may wait a while for a core). At most a small window of chunks
/// (four per worker, and two more) is held at a time, each in a buffer that is reused for a
/// later chunk, so memory stays bounded for any chunk count and nothing is formatted far ahead
/// of a sink that stops. When no thread can be started, the calling thread formats every chunk.
///
/// `format(qint64 chunk, Text &out)` appends the text of `chunk` to `out` (cleared, but with
/// the capacity of an earlier chunk); it runs on any of the threads, several at a time for
/// different chunks. `sink(const Text &)` returns false to stop: no further chunk is passed,
/// formatting stops, and the function returns false. An exception thrown by `format` stops
/// everything likewise and is rethrown here. `Text` is std::string or any type with clear().
template<class Text = std::string, class Format, class Sink>
bool formatChunksInOrder(qint64 chunkCount, Format format, Sink sink)
{
    if (chunkCount <= 0)
        return true;
    const qint64 cores = qint64(std::clamp(std::thread::hardware_concurrency(), 1u, 16u));
    const qint64 workerCount = std::min(cores, chunkCount - 1);
    const qint64 window = 4 * workerCount + 2;

    struct Slot
    {
        Text text;
        bool ready = false;
    };
    std::vector<Slot> ring(static_cast<std::size_t>(window));
    std::mutex mutex;
    std::condition_variable formatted; // the sink waits for its next chunk
    std::condition_variable passed;    // workers wait for a free slot
    // Under `mutex`:
    qint64 nextToFormat = 0;
    qint64 passedCount = 0; // chunks given to the sink, whose slots are free again
    bool stop = false;
    std::exception_ptr failure;

    auto slotOf = [&](qint64 chunk) -> Slot & { return ring[std::size_t(chunk % window)]; };
    // With `lock` held: claims the next chunk if its slot is free, else returns −1.
    auto claim = [&]() -> qint64 {
        if (stop || nextToFormat >= chunkCount || nextToFormat >= passedCount + window)
            return -1;
        return nextToFormat++;
    };
    // Formats a claimed chunk, with `lock` released meanwhile.
    auto formatClaimed = [&](std::unique_lock<std::mutex> &lock, qint64 chunk) {
        lock.unlock();
        Slot &slot = slotOf(chunk);
        std::exception_ptr error;
        try {
            slot.text.clear();
            format(chunk, slot.text);
        } catch (...) {
            error = std::current_exception();
        }
        lock.lock();
        if (error) {
            if (!failure)
                failure = error;
            stop = true;
            passed.notify_all();
        } else {
            slot.ready = true;
        }
        formatted.notify_all();
    };
    auto work = [&] {
        std::unique_lock lock(mutex);
        for (;;) {
            passed.wait(lock, [&] {
                return stop || nextToFormat >= chunkCount || nextToFormat < passedCount + window;
            });
            const qint64 chunk = claim();
            if (chunk < 0)
                return;
            formatClaimed(lock, chunk);
        }
    };

    std::vector<std::jthread> workers;
    // Declared after `workers`, so destroyed before them: whatever way this function is left,
    // the workers are told to stop before they are joined.
    struct StopWorkers
    {
        std::mutex &mutex;
        std::condition_variable &passed;
        bool &stop;
        ~StopWorkers()
        {
            {
                const std::scoped_lock lock(mutex);
                stop = true;
            }
            passed.notify_all();
        }
    } stopWorkers{mutex, passed, stop};
    try {
        workers.reserve(std::size_t(workerCount));
        for (qint64 i = 0; i < workerCount; ++i)
            workers.emplace_back(work);
    } catch (const std::system_error &) {
        // No thread to be had (a process limit): those started, and this thread, do the work.
    }

    bool completed = true;
    for (qint64 chunk = 0; chunk < chunkCount && completed; ++chunk) {
        Slot &slot = slotOf(chunk);
        {
            std::unique_lock lock(mutex);
            while (!slot.ready && !failure) {
                const qint64 mine = claim();
                if (mine >= 0)
                    formatClaimed(lock, mine);
                else
                    formatted.wait(lock);
            }
            if (failure)
                break;
        }
        completed = sink(static_cast<const Text &>(slot.text));
        {
            const std::scoped_lock lock(mutex);
            slot.ready = false;
            passedCount = chunk + 1;
        }
        passed.notify_all();
    }
    {
        const std::scoped_lock lock(mutex);
        stop = true;
    }
    passed.notify_all();
    workers.clear(); // joins them
    if (failure)
        std::rethrow_exception(failure);
    return completed;
}

/// formatChunksInOrder over items [0, count) in chunks of `chunkSize` items:
/// `format(qint64 begin, qint64 end, std::string &out)` appends the text of items [begin, end).
template<class Format, class Sink>
bool formatInOrder(qint64 count, qint64 chunkSize, Format format, Sink sink)
{
    return formatChunksInOrder((count + chunkSize - 1) / chunkSize,
                               [&](qint64 chunk, std::string &out) {
                                   const qint64 begin = chunk * chunkSize;
                                   format(begin, std::min(count, begin + chunkSize), out);
                               },
                               sink);
}

} // namespace elu
