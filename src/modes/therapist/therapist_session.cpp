#include "modes/therapist/therapist_session.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace myomap::app {

std::vector<Candidate> rankCandidates(const anatomy::PainFinder& finder, const std::vector<session::PainMark>& marks,
                                      std::size_t top) {
    struct Sum {
        Candidate candidate;
        double best = -1.0;  // the strongest single hit: it names the trigger point to show
    };
    std::map<std::pair<std::string, anatomy::Side>, Sum> sums;
    for (const session::PainMark& mark : marks) {
        std::vector<anatomy::PainHit> hits;
        if (mark.point) {
            hits = finder.atPoint(*mark.point);
        } else if (auto r = finder.atRegion(mark.region)) {
            hits = std::move(r.value());
        }
        const auto markSide = anatomy::sideOf(mark.region);
        const double weight = std::clamp(mark.intensity, 0, 10) / 10.0;
        for (const anatomy::PainHit& hit : hits) {
            std::vector<anatomy::Side> sides;
            if (hit.side) sides = {*hit.side};
            else if (markSide) sides = {*markSide};
            else sides = {anatomy::Side::Left, anatomy::Side::Right};
            for (const anatomy::Side side : sides) {
                Sum& s = sums[{hit.muscleId, side}];
                const double score = weight * hit.score;
                s.candidate.muscleId = hit.muscleId;
                s.candidate.side = side;
                s.candidate.score += score;
                if (hit.guideRank >= 0 && weight > 0.0) {
                    const double place = hit.guideRank + anatomy::kGuideCoverSteps * (2.0 - hit.score - weight);
                    if (!s.candidate.guidePlace || place < *s.candidate.guidePlace) s.candidate.guidePlace = place;
                }
                if (score > s.best) {
                    s.best = score;
                    s.candidate.triggerPoint = hit.tpId + std::string(anatomy::suffix(side));
                    s.candidate.essential = hit.kind == anatomy::ZoneKind::Essential;
                }
            }
        }
    }
    std::vector<Candidate> out;
    for (auto& [key, s] : sums) {
        if (s.candidate.score > 0.0) out.push_back(std::move(s.candidate));
    }
    std::stable_sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) {
        if (a.guidePlace.has_value() != b.guidePlace.has_value()) return a.guidePlace.has_value();
        if (a.guidePlace && std::abs(*a.guidePlace - *b.guidePlace) > 1e-9) return *a.guidePlace < *b.guidePlace;
        if (a.score != b.score) return a.score > b.score;
        return a.essential && !b.essential;
    });
    if (out.size() > top) out.resize(top);
    return out;
}

SaveReport describeSave(const Status& saved, long long unixNow) {
    if (saved) return {"Saved " + session::isoUtc(unixNow).substr(11, 8) + " UTC", false};
    return {"Not saved (kept in memory, will retry): " + saved.error(), true};
}

void CompressionTimer::start(std::string triggerPoint, double holdSeconds, double now) {
    m_point = std::move(triggerPoint);
    m_hold = std::clamp(holdSeconds, 5.0, 600.0);
    m_start = now;
    m_running = true;
}

bool CompressionTimer::update(double now) {
    if (!m_running || now - m_start < m_hold) return false;
    m_running = false;
    return true;
}

double CompressionTimer::progress(double now) const {
    return m_running ? std::clamp((now - m_start) / m_hold, 0.0, 1.0) : 0.0;
}

double CompressionTimer::remaining(double now) const { return m_running ? std::max(0.0, m_hold - (now - m_start)) : 0.0; }

TherapistSession::TherapistSession(session::SessionStore store, std::unique_ptr<anatomy::PainFinder> finder)
    : m_store(std::move(store)), m_finder(std::move(finder)) {}

void TherapistSession::start(long long unixNow) {
    m_record = {};
    m_record.id = session::sessionIdForTime(unixNow);
    m_record.created = m_record.modified = session::isoUtc(unixNow);
    m_candidates.clear();
    m_dirty = false;
}

Status TherapistSession::open(const std::string& id, int backupGeneration) {
    auto loaded = backupGeneration > 0 ? m_store.loadBackup(id, backupGeneration) : m_store.load(id);
    if (!loaded) return fail(loaded.error());
    m_record = std::move(loaded.value());
    changed();
    m_dirty = backupGeneration > 0;  // a restored backup is written back as the current version
    return Ok{};
}

void TherapistSession::changed() {
    m_dirty = true;
    m_changedAt = -1.0;
    m_candidates = m_finder ? rankCandidates(*m_finder, m_record.pain, 8) : std::vector<Candidate>{};
}

void TherapistSession::addMark(session::PainMark mark) {
    mark.intensity = std::clamp(mark.intensity, 0, 10);
    m_record.pain.push_back(std::move(mark));
    changed();
}

void TherapistSession::removeMark(std::size_t index) {
    if (index >= m_record.pain.size()) return;
    m_record.pain.erase(m_record.pain.begin() + static_cast<std::ptrdiff_t>(index));
    changed();
}

void TherapistSession::setIntensity(std::size_t index, int intensity) {
    if (index >= m_record.pain.size() || m_record.pain[index].intensity == intensity) return;
    m_record.pain[index].intensity = std::clamp(intensity, 0, 10);
    changed();
}

void TherapistSession::setNotes(std::string notes) {
    if (notes == m_record.notes) return;
    m_record.notes = std::move(notes);
    m_dirty = true;
    m_changedAt = -1.0;
}

void TherapistSession::setClientLabel(std::string label) {
    if (label == m_record.clientLabel) return;
    m_record.clientLabel = std::move(label);
    m_dirty = true;
    m_changedAt = -1.0;
}

void TherapistSession::explored(const std::string& mesh) {
    auto& list = m_record.musclesExplored;
    if (mesh.empty() || std::find(list.begin(), list.end(), mesh) != list.end()) return;
    list.push_back(mesh);
    m_dirty = true;
    m_changedAt = -1.0;
}

void TherapistSession::treated(const std::string& triggerPoint, int holdSeconds, long long unixNow) {
    m_record.treated.push_back({triggerPoint, holdSeconds, session::isoUtc(unixNow)});
    m_dirty = true;
    m_changedAt = -1.0;
}

std::optional<Status> TherapistSession::autosave(double now, long long unixNow, double delay) {
    if (!m_dirty) return std::nullopt;
    if (m_changedAt < 0.0) m_changedAt = now;
    if (now - m_changedAt < delay) return std::nullopt;
    return saveNow(unixNow);
}

Status TherapistSession::saveNow(long long unixNow) {
    m_record.modified = session::isoUtc(unixNow);
    if (auto s = m_store.save(m_record); !s) {
        m_changedAt = -1.0;  // try again after the delay; the record stays in memory
        return s;
    }
    m_dirty = false;
    return Ok{};
}

}  // namespace myomap::app
