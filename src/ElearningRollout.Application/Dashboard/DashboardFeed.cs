using ElearningRollout.Application.Notifications;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ElearningRollout.Application.Dashboard;

/// <summary>Settings of the live dashboard (section <c>Dashboard</c>).</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>
    /// At most one recomputation of a view's snapshot per this many milliseconds: a burst of gate changes costs one
    /// computation, at most this long after the change that started it.
    /// </summary>
    public int RefreshMilliseconds { get; set; } = 1000;

    internal TimeSpan RefreshInterval => TimeSpan.FromMilliseconds(Math.Max(0, RefreshMilliseconds));
}

/// <summary>
/// One snapshot per open <see cref="DashboardView"/> in this instance, shared by every viewer of it. A gate change
/// (<see cref="NotificationSignals.GatesChanged"/>, raised in this process or relayed from another instance) marks
/// every watched view stale; each is recomputed once, at most once per <see cref="DashboardOptions.RefreshMilliseconds"/>,
/// and every viewer re-renders from the new snapshot, unless the change moved none of its figures. So the cost of a change
/// grows with the number of views watched, and with the people watching only when what they see changes. A view nobody watches is dropped, so the first viewer always gets fresh
/// figures, and a viewer joining a snapshot older than the interval asks for a (coalesced) recomputation.
/// </summary>
public sealed class DashboardFeed : IDisposable
{
    private readonly IDbContextFactory<ElearningRolloutDbContext> _dbFactory;
    private readonly NotificationSignals _signals;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _interval;
    private readonly ILogger<DashboardFeed> _logger;
    private readonly Lock _lock = new();
    private readonly Dictionary<DashboardView, Board> _boards = [];

    public DashboardFeed(
        IDbContextFactory<ElearningRolloutDbContext> dbFactory, NotificationSignals signals, TimeProvider clock,
        IOptions<DashboardOptions> options, ILogger<DashboardFeed> logger)
    {
        _dbFactory = dbFactory;
        _signals = signals;
        _clock = clock;
        _interval = options.Value.RefreshInterval;
        _logger = logger;
        _signals.GatesChanged += OnGatesChanged;
    }

    /// <summary>How many snapshots have been computed since start (for the capacity program and the tests).</summary>
    public long Computations => Interlocked.Read(ref _computations);

    private long _computations;

    /// <summary>The views watched right now and their viewers.</summary>
    public IReadOnlyDictionary<DashboardView, int> Viewers
    {
        get
        {
            lock (_lock)
            {
                return _boards.ToDictionary(b => b.Key, b => b.Value.Viewers.Count);
            }
        }
    }

    /// <summary>Ask for a recomputation of every watched view (coalesced like a gate change).</summary>
    public void Invalidate() => OnGatesChanged();

    internal async Task<DashboardWatch> WatchAsync(DashboardView view, Actor actor, Action<DashboardModel> changed, CancellationToken cancellationToken)
    {
        var viewer = new Viewer(actor, changed);
        Board board;
        Task<DashboardSnapshot> first;
        lock (_lock)
        {
            if (!_boards.TryGetValue(view, out board!))
            {
                board = new Board(view);
                _boards.Add(view, board);
                StartLocked(board);
            }

            board.Viewers.Add(viewer);
            if (board.Latest is { } latest && _clock.GetUtcNow() - latest.ComputedAt >= _interval)
            {
                RequestLocked(board);
            }

            first = board.Latest is { } current ? Task.FromResult(current) : board.First.Task;
        }

        var watch = new DashboardWatch(this, board, viewer);
        try
        {
            watch.Model = (await first.WaitAsync(cancellationToken)).For(actor);
            return watch;
        }
        catch
        {
            watch.Dispose();
            throw;
        }
    }

    internal void Leave(Board board, Viewer viewer)
    {
        lock (_lock)
        {
            board.Viewers.Remove(viewer);
            if (board.Viewers.Count == 0 && _boards.TryGetValue(board.View, out var current) && current == board)
            {
                _boards.Remove(board.View);
                board.Timer?.Dispose();
                board.Timer = null;
            }
        }
    }

    internal void Request(Board board)
    {
        lock (_lock)
        {
            if (_boards.TryGetValue(board.View, out var current) && current == board)
            {
                RequestLocked(board);
            }
        }
    }

    private void OnGatesChanged()
    {
        lock (_lock)
        {
            foreach (var board in _boards.Values)
            {
                RequestLocked(board);
            }
        }
    }

    // A computation running or one already scheduled will pick the change up (a running one recomputes after it).
    private void RequestLocked(Board board)
    {
        if (board.Computing || board.Timer is not null)
        {
            board.Stale |= board.Computing;
            return;
        }

        var wait = board.LastStarted + _interval - _clock.GetUtcNow();
        if (wait <= TimeSpan.Zero)
        {
            StartLocked(board);
        }
        else
        {
            board.Timer = _clock.CreateTimer(_ => OnTimer(board), null, wait, Timeout.InfiniteTimeSpan);
        }
    }

    private void OnTimer(Board board)
    {
        lock (_lock)
        {
            board.Timer?.Dispose();
            board.Timer = null;
            if (_boards.TryGetValue(board.View, out var current) && current == board && !board.Computing)
            {
                StartLocked(board);
            }
        }
    }

    private void StartLocked(Board board)
    {
        board.Computing = true;
        board.Stale = false;
        board.LastStarted = _clock.GetUtcNow();
        Interlocked.Increment(ref _computations);

        // Off the caller's thread: a gate change is signalled from inside someone's save, on their circuit.
        _ = Task.Run(() => ComputeAsync(board));
    }

    private async Task ComputeAsync(Board board)
    {
        DashboardSnapshot snapshot;
        try
        {
            snapshot = await DashboardQueries.ComputeAsync(_dbFactory, board.View, _clock, CancellationToken.None);
        }
        catch (Exception exception)
        {
            _logger.LogError(exception, "Recomputing the dashboard for {View} failed; its viewers keep the figures they have", board.View);
            lock (_lock)
            {
                board.Computing = false;
                if (board.Latest is null)
                {
                    // Nobody has figures yet: those waiting see the failure; the next viewer starts afresh.
                    if (_boards.TryGetValue(board.View, out var current) && current == board)
                    {
                        _boards.Remove(board.View);
                    }

                    board.First.TrySetException(exception);
                }
                else if (board.Stale)
                {
                    RequestLocked(board);
                }
            }

            return;
        }

        Viewer[] viewers;
        bool wasFirst;
        bool unchanged;
        lock (_lock)
        {
            board.Computing = false;
            wasFirst = board.Latest is null;
            unchanged = board.Latest is { } previous && previous.HasSameFigures(snapshot);
            board.Latest = snapshot;
            viewers = [.. board.Viewers];
            if (board.Stale)
            {
                RequestLocked(board);
            }
        }

        if (unchanged)
        {
            // The change moved no figure of this view (a checklist item ticked, a gate of another filter): nobody re-renders.
            return;
        }

        if (wasFirst)
        {
            // Those who joined before the first figures get them from the watch they are awaiting.
            board.First.TrySetResult(snapshot);
            return;
        }

        foreach (var viewer in viewers)
        {
            try
            {
                viewer.Changed(snapshot.For(viewer.Actor));
            }
            catch (Exception exception)
            {
                _logger.LogError(exception, "A dashboard viewer failed to take the new figures");
            }
        }
    }

    public void Dispose()
    {
        _signals.GatesChanged -= OnGatesChanged;
        lock (_lock)
        {
            foreach (var board in _boards.Values)
            {
                board.Timer?.Dispose();
            }

            _boards.Clear();
        }
    }

    internal sealed class Board(DashboardView view)
    {
        public DashboardView View { get; } = view;

        public List<Viewer> Viewers { get; } = [];

        public TaskCompletionSource<DashboardSnapshot> First { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public DashboardSnapshot? Latest { get; set; }

        public bool Computing { get; set; }

        /// <summary>A change arrived while computing: compute again once this one is done (after the interval).</summary>
        public bool Stale { get; set; }

        public DateTimeOffset LastStarted { get; set; } = DateTimeOffset.MinValue;

        public ITimer? Timer { get; set; }
    }

    internal sealed record Viewer(Actor Actor, Action<DashboardModel> Changed);
}

/// <summary>One person watching one dashboard view. <see cref="Model"/> is what they see now; dispose to stop watching.</summary>
public sealed class DashboardWatch : IDisposable
{
    private readonly DashboardFeed _feed;
    private readonly DashboardFeed.Board _board;
    private readonly DashboardFeed.Viewer _viewer;
    private int _disposed;

    internal DashboardWatch(DashboardFeed feed, DashboardFeed.Board board, DashboardFeed.Viewer viewer)
    {
        _feed = feed;
        _board = board;
        _viewer = viewer;
    }

    public DashboardModel Model { get; internal set; } = default!;

    /// <summary>This person changed something the figures show (a sign-off): recompute soon, coalesced with other changes.</summary>
    public void Refresh() => _feed.Request(_board);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _feed.Leave(_board, _viewer);
        }
    }
}
