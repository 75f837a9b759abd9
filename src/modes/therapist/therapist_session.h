// The therapist's session with a client: where it hurts (regions or points on the skin, each
// 0-10), the muscles that could be sending it (the pain finder, ranked live), a compression
// timer for a 30-90 s hold, and the session record, autosaved. Time is a parameter (seconds
// for the timer and autosave, Unix seconds for the record's clock).
#pragma once

#include "anatomy/pain_finder.h"
#include "core/result.h"
#include "session/session_store.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace myomap::app {

struct Candidate {
    std::string muscleId;
    anatomy::Side side = anatomy::Side::Right;
    std::string triggerPoint;  // sided: "upper_trapezius.tp1.R"
    double score = 0.0;        // summed over the marks, weighted by intensity / 10
    bool essential = true;     // the best cover is an essential zone
    // Its best place in the pain guide of a marked region (PainFinder's order, moved back for a
    // weaker cover and a milder mark); unset when no guide of a marked region names it.
    std::optional<double> guidePlace;
    std::string mesh() const { return muscleId + std::string(anatomy::suffix(side)); }
};

// Ranks muscles for every mark: each mark's hits count by its intensity; a hit with no side
// (a sideless region) takes the mark's side when it has one, else both sides score. Muscles a
// marked region's pain guide names come first, by their best guide place; then by score.
std::vector<Candidate> rankCandidates(const anatomy::PainFinder& finder, const std::vector<session::PainMark>& marks,
                                      std::size_t top);

// What the panel says after a save: "Saved 14:05:10 UTC", or that the session was not saved,
// why (the store's message: the folder and the system's reason, e.g. "No space left on
// device"), and that it is kept in memory and retried. `failed` shows it as a warning.
struct SaveReport {
    std::string text;
    bool failed = false;
};
SaveReport describeSave(const Status& saved, long long unixNow);

class CompressionTimer {
public:
    void start(std::string triggerPoint, double holdSeconds, double now);
    void cancel() { m_running = false; }
    // True once, on the update at which the hold is complete.
    bool update(double now);
    bool running() const { return m_running; }
    double progress(double now) const;   // 0-1
    double remaining(double now) const;  // seconds
    double hold() const { return m_hold; }
    const std::string& point() const { return m_point; }

private:
    std::string m_point;
    double m_start = 0.0, m_hold = 60.0;
    bool m_running = false;
};

class TherapistSession {
public:
    TherapistSession(session::SessionStore store, std::unique_ptr<anatomy::PainFinder> finder);

    // A fresh record, its id from the clock.
    void start(long long unixNow);
    Status open(const std::string& id, int backupGeneration = 0);
    const session::Session& record() const { return m_record; }
    session::SessionStore& store() { return m_store; }

    void addMark(session::PainMark mark);
    void removeMark(std::size_t index);
    void setIntensity(std::size_t index, int intensity);
    void setNotes(std::string notes);
    void setClientLabel(std::string label);
    void explored(const std::string& mesh);
    void treated(const std::string& triggerPoint, int holdSeconds, long long unixNow);
    const std::vector<Candidate>& candidates() const { return m_candidates; }
    const anatomy::PainFinder* finder() const { return m_finder.get(); }

    // Saves when something changed at least `delay` seconds ago (typing does not write every
    // key). Returns the result of a save when one was made.
    std::optional<Status> autosave(double now, long long unixNow, double delay = 1.5);
    Status saveNow(long long unixNow);
    bool dirty() const { return m_dirty; }

private:
    void changed();

    session::SessionStore m_store;
    std::unique_ptr<anatomy::PainFinder> m_finder;
    session::Session m_record;
    std::vector<Candidate> m_candidates;
    bool m_dirty = false;
    double m_changedAt = -1.0;  // set by autosave's first look after a change
};

}  // namespace myomap::app
