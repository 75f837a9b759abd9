// The clinic kiosk's behaviour as a state machine over time (seconds, given by the caller):
// an attract loop touring common pain patterns while nobody is there; a visitor's touch
// takes over; after the idle timeout everything the visitor did is cleared and the tour
// resumes; leaving needs the key chord and then the PIN. No GL, no window: unit-tested.
#pragma once

#include "core/views.h"

#include <cstddef>
#include <string>
#include <vector>

namespace myomap::app {

struct KioskStep {
    std::string muscle;        // a mesh name, "upper_trapezius.R"
    std::string triggerPoint;  // a sided trigger point, "upper_trapezius.tp1.R"
    View view = View::Posterior;
    std::string caption;       // one line for the waiting room
};

struct KioskTiming {
    double idleTimeout = 90.0;  // seconds without input before the tour resumes
    double stepSeconds = 12.0;  // each tour step
    double pinTimeout = 20.0;   // the PIN pad closes by itself after this long
};

// Guessing the PIN: after kFreePinTries wrong PINs in a row the pad stays locked for
// kPinLockSeconds, doubling with every further miss up to kMaxPinLockSeconds. Trying every
// 4-digit PIN then takes about a month, while staff who mistype once or twice are never held
// up. The right PIN resets the count.
inline constexpr int kFreePinTries = 3;
inline constexpr double kPinLockSeconds = 30.0;
inline constexpr double kMaxPinLockSeconds = 300.0;

enum class KioskPhase { Attract, Visitor, PinEntry };

class KioskController {
public:
    KioskController(std::vector<KioskStep> tour, KioskTiming timing, std::string exitPin);

    // Advances to `now`: steps the tour, and returns to it when the visitor has gone quiet.
    void update(double now);
    // Any touch, click or key from a visitor.
    void visitorInput(double now);
    // The operator's key chord: opens the PIN pad (it never exits by itself).
    void exitChord(double now);
    // A PIN typed on the pad: true when it is the right one (the app may then quit); a wrong
    // one closes the pad and counts as visitor input. While the pad is locked after repeated
    // misses (pinLockRemaining > 0) nothing typed is compared, and it does not count as a try.
    bool submitPin(const std::string& pin, double now);
    // Seconds until PINs are accepted again; 0 when they are.
    double pinLockRemaining(double now) const;
    void cancelPin(double now);
    // "Start again": back to the tour at once, as after the idle timeout.
    void resumeTour(double now);

    KioskPhase phase() const { return m_phase; }
    bool touring() const { return m_phase == KioskPhase::Attract; }
    std::size_t stepIndex() const { return m_step; }
    const KioskStep* step() const { return m_tour.empty() ? nullptr : &m_tour[m_step]; }
    double stepStartedAt() const { return m_stepStart; }
    // Set when the app must show the current tour step afresh (the step changed, or the tour
    // resumed): the app clears whatever the visitor did, then calls stepShown().
    bool stepPending() const { return m_stepPending; }
    void stepShown() { m_stepPending = false; }
    int wrongPins() const { return m_wrongPins; }

private:
    void startTour(double now);

    std::vector<KioskStep> m_tour;
    KioskTiming m_timing;
    std::string m_pin;
    KioskPhase m_phase = KioskPhase::Attract;
    std::size_t m_step = 0;
    double m_stepStart = 0.0;
    double m_lastInput = 0.0;
    double m_pinOpened = 0.0;
    bool m_stepPending = true;
    int m_wrongPins = 0;        // in a row, since the last right PIN
    double m_pinLockedUntil = -1.0;
};

}  // namespace myomap::app
