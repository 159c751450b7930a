using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CryptoIntel.Realtime.LoadTest;

/// <summary>
/// The generator's receive side: one thread waits on one Linux epoll set (level-triggered) holding every client socket
/// and, for each socket that became readable, lets its client take one <c>recv</c>. Per delivery that is one system
/// call, no socket-engine bookkeeping and no continuation, against two receives (the data, then the one that would
/// block) and an awaitable per delivery with <see cref="Socket.ReceiveAsync(Memory{byte}, SocketFlags, CancellationToken)"/>:
/// the less the generator spends, the more of the two shared cores the server under test gets.
/// </summary>
/// <remarks>
/// The sockets must never be used asynchronously: the first asynchronous operation would register them with .NET's own
/// socket engine, whose epoll thread would then wake for every delivery as well. <see cref="LoadClient"/> connects,
/// upgrades and sends with blocking calls and leaves receiving to this class.
/// </remarks>
internal sealed unsafe partial class EpollReceiver : IDisposable
{
    private const int EpollCloexec = 0x80000;
    private const int EpollCtlAdd = 1;
    private const int EpollCtlDel = 2;
    private const uint EpollIn = 0x001;
    private const uint EpollRdHup = 0x2000;
    private const int Eintr = 4;
    private const int MaxEvents = 1024;

    /// <summary>What <see cref="Receive"/> returns when nothing was there (-EAGAIN: an earlier receive took the readiness).</summary>
    public const int WouldBlock = -11;

    // struct epoll_event is packed on x86-64 (4-byte events, then the 8-byte data at offset 4: 12 bytes) and naturally
    // aligned elsewhere (data at offset 8: 16 bytes).
    private static readonly int EventSize = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 12 : 16;
    private static readonly int DataOffset = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 4 : 8;

    private readonly int _epoll;
    private readonly ConcurrentDictionary<int, LoadClient> _clients = new();
    private readonly Thread _thread;
    private volatile bool _disposed;
    private long _waits;
    private long _events;

    public EpollReceiver()
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("the load generator's receiver uses Linux epoll");
        }

        _epoll = epoll_create1(EpollCloexec);
        if (_epoll < 0)
        {
            throw new InvalidOperationException($"epoll_create1 failed: errno {Marshal.GetLastPInvokeError()}");
        }

        _thread = new Thread(Run) { IsBackground = true, Name = "epoll receiver" };
        _thread.Start();
    }

    /// <summary>Gets how many ready sockets one wake-up found on average (how much the receiving batches).</summary>
    public double EventsPerWait => Interlocked.Read(ref _waits) == 0 ? 0 : Interlocked.Read(ref _events) / (double)Interlocked.Read(ref _waits);

    /// <summary>Adds a connected socket: from now on <paramref name="client"/>'s <see cref="LoadClient.OnReadable"/> is called when it has data.</summary>
    public void Add(LoadClient client, Socket socket)
    {
        _clients[client.Id] = client;
        var ev = stackalloc byte[16];
        *(uint*)ev = EpollIn | EpollRdHup;
        Unsafe.WriteUnaligned(ev + DataOffset, (ulong)client.Id);
        if (epoll_ctl(_epoll, EpollCtlAdd, (int)socket.SafeHandle.DangerousGetHandle(), ev) != 0)
        {
            throw new InvalidOperationException($"epoll_ctl(ADD) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>Removes a socket before it is closed (a closed descriptor's number may be reused by the next connection).</summary>
    public void Remove(Socket socket) => _ = epoll_ctl(_epoll, EpollCtlDel, (int)socket.SafeHandle.DangerousGetHandle(), null);

    /// <summary>One non-blocking receive into <paramref name="buffer"/>: the byte count, 0 at end of stream, or -errno.</summary>
    public static int Receive(Socket socket, Span<byte> buffer)
    {
        fixed (byte* p = buffer)
        {
            while (true)
            {
                var n = recv((int)socket.SafeHandle.DangerousGetHandle(), p, (nuint)buffer.Length, 0x40 /* MSG_DONTWAIT */);
                if (n >= 0)
                {
                    return (int)n;
                }

                var errno = Marshal.GetLastPInvokeError();
                if (errno != Eintr)
                {
                    return -errno;
                }
            }
        }
    }

    public void Dispose()
    {
        _disposed = true;
        _thread.Join();
        _ = close(_epoll);
    }

    private void Run()
    {
        var events = (byte*)NativeMemory.Alloc((nuint)(MaxEvents * EventSize));
        try
        {
            while (!_disposed)
            {
                // A timeout only so that Dispose is noticed.
                var n = epoll_wait(_epoll, events, MaxEvents, 200);
                if (n < 0)
                {
                    var errno = Marshal.GetLastPInvokeError();
                    if (errno == Eintr)
                    {
                        continue;
                    }

                    Console.WriteLine($"  epoll_wait failed: errno {errno}; the generator stops receiving");
                    return;
                }

                if (n == 0)
                {
                    continue;
                }

                _waits++;
                _events += n;
                for (var i = 0; i < n; i++)
                {
                    var id = (int)Unsafe.ReadUnaligned<ulong>(events + (i * EventSize) + DataOffset);
                    if (_clients.TryGetValue(id, out var client))
                    {
                        client.OnReadable();
                    }
                }
            }
        }
        finally
        {
            NativeMemory.Free(events);
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int epoll_create1(int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int epoll_ctl(int epfd, int op, int fd, byte* ev);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int epoll_wait(int epfd, byte* events, int maxevents, int timeout);

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint recv(int fd, byte* buffer, nuint length, int flags);

    [LibraryImport("libc")]
    private static partial int close(int fd);
}
