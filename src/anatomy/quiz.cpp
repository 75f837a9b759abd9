#include "anatomy/quiz.h"

#include "anatomy/body_surface.h"
#include "anatomy/referral_zones.h"
#include "anatomy/regions.h"

#include <algorithm>
#include <cctype>
#include <utility>

namespace myomap::anatomy {
namespace {

constexpr std::size_t kChoices = 4;
constexpr std::array<Side, 2> kSides{Side::Left, Side::Right};

std::string lowerFirst(std::string s) {
    // Keep names that start with an acronym or a capitalised word ("Achilles") as they are.
    if (s.size() > 1 && std::islower(static_cast<unsigned char>(s[1]))) {
        s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
    }
    return s;
}

std::string_view withoutSide(std::string_view name) {
    return sideOf(name) ? name.substr(0, name.size() - 2) : name;
}

template <typename T>
void shuffle(std::vector<T>& items, std::mt19937& rng) {
    for (std::size_t i = items.size(); i > 1; --i) {
        std::swap(items[i - 1], items[drawBelow(rng, static_cast<std::uint32_t>(i))]);
    }
}

class Generator {
public:
    Generator(const Atlas& atlas, const QuizOptions& options)
        : m_atlas(atlas), m_options(options), m_rng(options.seed) {
        for (const Muscle& m : atlas.muscles) {
            std::set<std::string>& covered = m_covered[m.id];
            for (const TriggerPoint& tp : m.triggerPoints) {
                for (const ReferralZone& zone : tp.zones) {
                    if (!zone.region.empty()) covered.insert(zone.region);
                    else if (const auto it = options.landmarkRegions.find(zone.landmark);
                             it != options.landmarkRegions.end()) covered.insert(it->second.begin(), it->second.end());
                    else m_unknownLandmark.insert(m.id);
                }
            }
        }
    }

    std::optional<Question> make(QuestionKind kind) {
        switch (kind) {
            case QuestionKind::NameMuscle: return nameMuscle();
            case QuestionKind::ClickMuscle: return clickMuscle();
            case QuestionKind::WhichRegion: return whichRegion();
        }
        return std::nullopt;
    }

private:
    // The next subject of a kind from a shuffled deck, so none repeats until all were asked.
    template <typename T>
    const T* deal(std::vector<T>& deck, std::size_t& next) {
        if (deck.empty()) return nullptr;
        if (next == 0 || next >= deck.size()) {
            shuffle(deck, m_rng);
            next = 0;
        }
        return &deck[next++];
    }

    // Up to three muscles besides `right`: from `preferred` first, then `others`, each
    // shuffled, skipping names already chosen. The four shuffled into the question.
    bool muscleChoices(Question& q, const Muscle& right, std::vector<const Muscle*> preferred,
                       std::vector<const Muscle*> others) {
        shuffle(preferred, m_rng);
        shuffle(others, m_rng);
        std::vector<const Muscle*> chosen{&right};
        for (const auto* pool : {&preferred, &others}) {
            for (const Muscle* m : *pool) {
                if (chosen.size() == kChoices) break;
                const bool taken = std::any_of(chosen.begin(), chosen.end(), [&](const Muscle* c) {
                    return c->id == m->id || c->names.common == m->names.common;
                });
                if (!taken) chosen.push_back(m);
            }
        }
        if (chosen.size() < kChoices) return false;
        shuffle(chosen, m_rng);
        for (std::size_t i = 0; i < chosen.size(); ++i) {
            q.choices.push_back(chosen[i]->names.common);
            q.choiceIds.push_back(chosen[i]->id);
            if (chosen[i] == &right) q.answer = static_cast<int>(i);
        }
        return true;
    }

    std::optional<Question> nameMuscle() {
        if (m_meshes.empty()) {
            for (const Muscle& m : m_atlas.muscles) {
                for (Side side : kSides) m_meshes.push_back(m.id + std::string(suffix(side)));
            }
            std::sort(m_meshes.begin(), m_meshes.end());
        }
        const std::string* mesh = deal(m_meshes, m_nextMesh);
        if (!mesh) return std::nullopt;
        const Muscle* muscle = m_atlas.findMuscle(withoutSide(*mesh));
        Question q;
        q.kind = QuestionKind::NameMuscle;
        q.prompt = "Name the highlighted muscle.";
        q.subject = *mesh;
        std::vector<const Muscle*> same, others;
        for (const Muscle& m : m_atlas.muscles) (m.region == muscle->region ? same : others).push_back(&m);
        if (!muscleChoices(q, *muscle, same, others)) return std::nullopt;
        q.acceptedIds = {*mesh};
        q.rightAnswer = muscle->names.common;
        std::string part = muscle->region;
        std::replace(part.begin(), part.end(), '_', ' ');
        q.explanation = muscle->names.common + " (" + muscle->names.latin + "): " +
                        std::string(toString(muscle->layer)) + " layer, " + part + ". " +
                        (m_options.level == QuizLevel::Client ? muscle->summary.client : muscle->summary.student);
        q.highlightMesh = *mesh;
        q.revealMuscle = *mesh;
        return q;
    }

    std::optional<Question> clickMuscle() {
        if (!m_targetsBuilt) {
            m_targetsBuilt = true;
            for (const BodyRegion& region : kBodyRegions) {
                if (region.midline) m_targets.emplace_back(region.id);
                else for (Side side : kSides) m_targets.push_back(std::string(region.id) + std::string(suffix(side)));
            }
        }
        // Targets that cannot be asked are dropped from the deck as they come up.
        while (const std::string* dealt = deal(m_targets, m_nextTarget)) {
            const std::string target = *dealt;
            if (auto q = clickMuscleOn(target)) return q;
            m_targets.erase(m_targets.begin() + static_cast<std::ptrdiff_t>(--m_nextTarget));
        }
        return std::nullopt;
    }

    std::optional<Question> clickMuscleOn(const std::string& target) {
        const std::string region(withoutSide(target));
        Question q;
        q.kind = QuestionKind::ClickMuscle;
        q.subject = target;
        std::vector<const Muscle*> referring;
        // Per muscle, the first trigger point (and the side of the body it is on) that refers
        // to the target: the answer shows its referral on that side. The target's own side is
        // tried first, so a pattern reaching both sides plays where the question points.
        std::map<std::string, std::pair<const TriggerPoint*, Side>> firstTp;
        const std::optional<Side> targetSide = sideOf(target);
        const std::array<Side, 2> sides = targetSide == Side::Right ? std::array{Side::Right, Side::Left} : kSides;
        for (const Muscle& m : m_atlas.muscles) {
            for (Side side : sides) {
                for (const TriggerPoint& tp : m.triggerPoints) {
                    for (const ReferralZone& zone : tp.zones) {
                        if (zone.kind != ZoneKind::Essential || zone.region != region) continue;
                        const auto names = sidedRegionNames(zone, side);
                        if (std::find(names.begin(), names.end(), target) == names.end()) continue;
                        q.acceptedIds.insert(m.id + std::string(suffix(side)));
                        if (firstTp.emplace(m.id, std::pair{&tp, side}).second) referring.push_back(&m);
                    }
                }
            }
        }
        const bool several = referring.size() > 1;
        if (referring.empty() || (several && m_options.clickOnBody && !m_options.severalAnswers)) return std::nullopt;
        const Muscle& right = *referring[drawBelow(m_rng, static_cast<std::uint32_t>(referring.size()))];
        std::vector<const Muscle*> near, far;
        for (const Muscle& m : m_atlas.muscles) {
            if (m_unknownLandmark.contains(m.id) || m_covered[m.id].contains(region)) continue;
            (m.region == right.region ? near : far).push_back(&m);
        }
        if (!muscleChoices(q, right, near, far)) return std::nullopt;
        const std::string where = sidedRegionWords(target, m_options.level);
        q.clickToAnswer = m_options.clickOnBody;
        q.choicePrompt = "Which of these muscles has trigger points that refer pain to " + where + "?";
        q.prompt = q.clickToAnswer ? std::string(several ? "Click a muscle" : "Click the muscle") +
                                         " whose trigger points refer pain to " + where + "."
                                   : q.choicePrompt;
        std::vector<std::string> names;
        for (const Muscle* m : referring) {
            const bool left = q.acceptedIds.contains(m->id + ".L"), rightSide = q.acceptedIds.contains(m->id + ".R");
            names.push_back(m->names.common + (left && rightSide ? " (either side)" : left ? " (left)" : " (right)"));
        }
        q.rightAnswer = q.clickToAnswer ? listWords(names) : right.names.common;
        std::string intro;
        if (several) {
            if (!q.clickToAnswer) {
                for (std::size_t i = 0; i < referring.size(); ++i) names[i] = referring[i]->names.common;
            }
            intro = "Muscles whose trigger points send pain there: " + listWords(names) + ". ";
        }
        const auto [revealTp, revealSide] = firstTp[right.id];
        q.explanation = intro + referralExplanation(right, *revealTp, m_options.level);
        q.highlightRegion = target;
        q.revealMuscle = right.id + std::string(suffix(revealSide));
        q.revealTp = revealTp->id + std::string(suffix(revealSide));
        return q;
    }

    std::optional<Question> whichRegion() {
        if (!m_tpsBuilt) {
            m_tpsBuilt = true;
            for (const TriggerPoint* tp : m_atlas.allTriggerPoints()) {
                const bool known = std::all_of(tp->zones.begin(), tp->zones.end(), [&](const ReferralZone& z) {
                    return !z.region.empty() || m_options.landmarkRegions.contains(z.landmark);
                });
                const bool essentialRegion = std::any_of(tp->zones.begin(), tp->zones.end(), [](const ReferralZone& z) {
                    return !z.region.empty() && z.kind == ZoneKind::Essential;
                });
                if (known && essentialRegion) m_tps.push_back(tp);
            }
        }
        while (const TriggerPoint* const* dealt = deal(m_tps, m_nextTp)) {
            const TriggerPoint* tp = *dealt;
            if (auto q = whichRegionFor(*tp)) return q;
            m_tps.erase(m_tps.begin() + static_cast<std::ptrdiff_t>(--m_nextTp));
        }
        return std::nullopt;
    }

    std::optional<Question> whichRegionFor(const TriggerPoint& tp) {
        const Muscle* muscle = m_atlas.findMuscle(tp.muscleId);
        if (!muscle) return std::nullopt;
        const Side side = kSides[drawBelow(m_rng, 2)];
        std::set<std::string> covered;
        std::vector<std::string> essential;
        Question q;
        for (const ReferralZone& zone : tp.zones) {
            if (zone.region.empty()) {
                const auto& reached = m_options.landmarkRegions.find(zone.landmark)->second;
                covered.insert(reached.begin(), reached.end());
                continue;
            }
            covered.insert(zone.region);
            if (zone.kind != ZoneKind::Essential) continue;
            if (std::find(essential.begin(), essential.end(), zone.region) == essential.end()) {
                essential.push_back(zone.region);
            }
            for (const std::string& name : sidedRegionNames(zone, side)) q.acceptedIds.insert(name);
        }
        const std::string right = essential[drawBelow(m_rng, static_cast<std::uint32_t>(essential.size()))];
        // Plausible wrong answers first: regions other muscles of the same part refer to.
        std::set<std::string> plausible;
        for (const Muscle& m : m_atlas.muscles) {
            if (m.region == muscle->region && m.id != muscle->id) plausible.insert(m_covered[m.id].begin(), m_covered[m.id].end());
        }
        std::vector<std::string> near, far;
        for (const BodyRegion& region : kBodyRegions) {
            const std::string id(region.id);
            if (!covered.contains(id)) (plausible.contains(id) ? near : far).push_back(id);
        }
        shuffle(near, m_rng);
        shuffle(far, m_rng);
        std::vector<std::string> chosen{right};
        for (const auto* pool : {&near, &far}) {
            for (std::size_t i = 0; i < pool->size() && chosen.size() < kChoices; ++i) chosen.push_back((*pool)[i]);
        }
        if (chosen.size() < kChoices) return std::nullopt;
        shuffle(chosen, m_rng);
        q.kind = QuestionKind::WhichRegion;
        q.subject = tp.id;
        q.prompt = "Where does this trigger point in the " + lowerFirst(muscle->names.common) + " send pain?";
        for (std::size_t i = 0; i < chosen.size(); ++i) {
            std::string words(regionWords(chosen[i], m_options.level));
            if (!words.empty()) words[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(words[0])));
            q.choices.push_back(words);
            q.choiceIds.push_back(chosen[i]);
            if (chosen[i] == right) q.answer = static_cast<int>(i);
        }
        q.rightAnswer = q.choices[static_cast<std::size_t>(q.answer)];
        q.explanation = referralExplanation(*muscle, tp, m_options.level);
        q.highlightMesh = tp.muscleId + std::string(suffix(side));
        q.highlightTp = tp.id;
        q.revealMuscle = q.highlightMesh;
        q.revealTp = tp.id + std::string(suffix(side));
        return q;
    }

    const Atlas& m_atlas;
    const QuizOptions& m_options;
    std::mt19937 m_rng;
    std::map<std::string, std::set<std::string>> m_covered;  // muscle -> sideless regions any zone reaches
    std::set<std::string> m_unknownLandmark;                 // muscles with a zone of unknown reach
    std::vector<std::string> m_meshes, m_targets;
    std::vector<const TriggerPoint*> m_tps;
    std::size_t m_nextMesh = 0, m_nextTarget = 0, m_nextTp = 0;
    bool m_targetsBuilt = false, m_tpsBuilt = false;
};

}  // namespace

std::string_view toString(QuestionKind kind) {
    switch (kind) {
        case QuestionKind::NameMuscle: return "name_muscle";
        case QuestionKind::ClickMuscle: return "click_muscle";
        case QuestionKind::WhichRegion: return "which_region";
    }
    return "?";
}

std::uint32_t drawBelow(std::mt19937& rng, std::uint32_t n) {
    // Reject the lowest (2^32 mod n) raw values so every remainder is equally likely.
    const std::uint32_t threshold = static_cast<std::uint32_t>(0u - n) % n;
    for (;;) {
        const auto x = static_cast<std::uint32_t>(rng());
        if (x >= threshold) return x % n;
    }
}

std::vector<Question> generateQuiz(const Atlas& atlas, const QuizOptions& options) {
    std::vector<Question> quiz;
    Generator generator(atlas, options);
    std::vector<QuestionKind> kinds = options.kinds;
    // Kinds come round in turns, each turn in an order drawn from the seed; a kind with
    // nothing left to ask drops out.
    std::mt19937 order(options.seed ^ 0x9E3779B9u);
    while (static_cast<int>(quiz.size()) < options.count && !kinds.empty()) {
        std::vector<QuestionKind> turn = kinds;
        shuffle(turn, order);
        for (QuestionKind kind : turn) {
            if (static_cast<int>(quiz.size()) >= options.count) break;
            if (auto q = generator.make(kind)) {
                if (q->choicePrompt.empty()) q->choicePrompt = q->prompt;
                quiz.push_back(std::move(*q));
            }
            else kinds.erase(std::find(kinds.begin(), kinds.end(), kind));
        }
    }
    return quiz;
}

AnswerResult check(const Question& question, int choice) {
    const bool inRange = choice >= 0 && static_cast<std::size_t>(choice) < question.choices.size();
    const std::string right = question.answer >= 0 && static_cast<std::size_t>(question.answer) < question.choices.size()
                                  ? question.choices[static_cast<std::size_t>(question.answer)]
                                  : question.rightAnswer;
    return {inRange && choice == question.answer, question.answer, right};
}

AnswerResult check(const Question& question, std::string_view clickedId) {
    bool correct = question.acceptedIds.contains(std::string(clickedId));
    if (!correct && !sideOf(clickedId)) {
        correct = std::any_of(question.acceptedIds.begin(), question.acceptedIds.end(),
                              [&](const std::string& id) { return withoutSide(id) == clickedId; });
    }
    return {correct, question.answer, question.rightAnswer};
}

std::map<std::string, std::set<std::string>, std::less<>> landmarkRegionsOnFigure(const Atlas& atlas,
                                                                                  const BodySurfaces& body,
                                                                                  const SkinGraph& graph) {
    std::map<std::string, std::set<std::string>, std::less<>> out;
    for (const TriggerPoint* tp : atlas.allTriggerPoints()) {
        for (const ReferralZone& zone : tp->zones) {
            if (zone.landmark.empty()) continue;
            std::set<std::string>& reached = out[zone.landmark];
            for (Side side : kSides) {
                for (const std::string& name : sidedLandmarkNames(zone, side, body)) {
                    const auto it = body.landmarks.find(name);
                    if (it == body.landmarks.end() || body.skin.positions.empty()) continue;
                    const DistanceSeed seed{body.skin.nearestVertex(it->second), -static_cast<float>(zone.radiusCm / 100.0)};
                    for (const auto& [vertex, distance] : graph.reached(std::span(&seed, 1), 0.0f)) {
                        const std::uint16_t region = body.skin.region[vertex];
                        if (region < body.skin.regionNames.size()) {
                            reached.emplace(withoutSide(body.skin.regionNames[region]));
                        }
                    }
                }
            }
        }
    }
    return out;
}

const Question* QuizSession::question() const { return finished() ? nullptr : &questions[current]; }

AnswerResult QuizSession::answer(int choice) {
    if (last || finished()) return last.value_or(AnswerResult{});
    last = check(questions[current], choice);
    if (last->correct) ++score;
    else misses.push_back({current, choice, {}});
    return *last;
}

AnswerResult QuizSession::answer(std::string_view clickedId) {
    if (last || finished()) return last.value_or(AnswerResult{});
    last = check(questions[current], clickedId);
    if (last->correct) ++score;
    else misses.push_back({current, -1, std::string(clickedId)});
    return *last;
}

void QuizSession::next() {
    if (finished()) return;
    if (!last) misses.push_back({current, -1, {}});
    last.reset();
    ++current;
}

}  // namespace myomap::anatomy
