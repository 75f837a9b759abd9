#include "modes/kiosk/kiosk_controller.h"

#include <algorithm>

namespace myomap::app {

KioskController::KioskController(std::vector<KioskStep> tour, KioskTiming timing, std::string exitPin)
    : m_tour(std::move(tour)), m_timing(timing), m_pin(std::move(exitPin)) {}

void KioskController::startTour(double now) {
    m_phase = KioskPhase::Attract;
    m_stepStart = now;
    m_stepPending = true;
}

void KioskController::update(double now) {
    switch (m_phase) {
    case KioskPhase::Attract:
        if (!m_tour.empty() && now - m_stepStart >= m_timing.stepSeconds) {
            m_step = (m_step + 1) % m_tour.size();
            startTour(now);
        }
        break;
    case KioskPhase::Visitor:
        if (now - m_lastInput >= m_timing.idleTimeout) {
            m_step = (m_step + 1) % std::max<std::size_t>(m_tour.size(), 1);
            startTour(now);
        }
        break;
    case KioskPhase::PinEntry:
        if (now - m_pinOpened >= m_timing.pinTimeout) cancelPin(now);
        break;
    }
}

void KioskController::visitorInput(double now) {
    m_lastInput = now;
    if (m_phase == KioskPhase::Attract) m_phase = KioskPhase::Visitor;
}

void KioskController::exitChord(double now) {
    m_phase = KioskPhase::PinEntry;
    m_pinOpened = now;
    m_lastInput = now;
}

bool KioskController::submitPin(const std::string& pin, double now) {
    if (m_phase != KioskPhase::PinEntry) return false;
    if (pinLockRemaining(now) > 0.0) {
        cancelPin(now);
        return false;
    }
    if (!m_pin.empty() && pin == m_pin) {
        m_wrongPins = 0;
        m_pinLockedUntil = -1.0;
        return true;
    }
    ++m_wrongPins;
    if (m_wrongPins >= kFreePinTries) {
        const int doublings = std::min(m_wrongPins - kFreePinTries, 16);
        m_pinLockedUntil = now + std::min(kPinLockSeconds * static_cast<double>(1 << doublings), kMaxPinLockSeconds);
    }
    cancelPin(now);
    return false;
}

double KioskController::pinLockRemaining(double now) const { return std::max(0.0, m_pinLockedUntil - now); }

void KioskController::resumeTour(double now) {
    m_step = (m_step + 1) % std::max<std::size_t>(m_tour.size(), 1);
    startTour(now);
}

void KioskController::cancelPin(double now) {
    m_phase = KioskPhase::Visitor;
    m_lastInput = now;
}

}  // namespace myomap::app
