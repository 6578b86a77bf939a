import Dispatch
import Foundation

/// Lector's one way to time work: monotonic wall clock and the calling thread's CPU time.
///
/// Wall time comes from `DispatchTime` (monotonic, unaffected by clock changes); CPU time from
/// `CLOCK_THREAD_CPUTIME_ID`, which measures one core's work whatever else the machine runs. A value
/// type: start one where the work starts and read it where the work ends, on the same thread.
public struct Stopwatch: Sendable {
    /// Wall-clock start, in nanoseconds of `DispatchTime`.
    public let startedNanoseconds: UInt64
    /// This thread's CPU time at the start, in nanoseconds.
    public let startedCPUNanoseconds: UInt64

    public init() {
        startedNanoseconds = Self.wallNanoseconds()
        startedCPUNanoseconds = Self.threadCPUNanoseconds()
    }

    /// Wall-clock nanoseconds since `init`.
    public var elapsedNanoseconds: UInt64 { Self.wallNanoseconds() &- startedNanoseconds }
    /// Wall-clock seconds since `init`.
    public var elapsedSeconds: Double { Double(elapsedNanoseconds) / 1e9 }
    /// Seconds of this thread's CPU time since `init` (meaningful only on the thread that started it).
    public var cpuSeconds: Double { Double(Self.threadCPUNanoseconds() &- startedCPUNanoseconds) / 1e9 }

    /// The monotonic wall clock, in nanoseconds.
    public static func wallNanoseconds() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    /// The calling thread's CPU time, in nanoseconds.
    public static func threadCPUNanoseconds() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return UInt64(spec.tv_sec) &* 1_000_000_000 &+ UInt64(spec.tv_nsec)
    }
}
