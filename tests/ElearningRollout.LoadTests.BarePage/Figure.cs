namespace ElearningRollout.LoadTests.BarePage;

/// <summary>The number every open page shows. Raising it tells every page, each on its own circuit, as DashboardFeed does.</summary>
public sealed class Figure
{
    private readonly Lock _lock = new();
    private readonly List<Action<int>> _viewers = [];
    private int _value;

    public int Value
    {
        get
        {
            lock (_lock)
            {
                return _value;
            }
        }
    }

    public void Watch(Action<int> viewer)
    {
        lock (_lock)
        {
            _viewers.Add(viewer);
        }
    }

    public void Leave(Action<int> viewer)
    {
        lock (_lock)
        {
            _viewers.Remove(viewer);
        }
    }

    public int Raise()
    {
        Action<int>[] viewers;
        int value;
        lock (_lock)
        {
            value = ++_value;
            viewers = [.. _viewers];
        }

        foreach (var viewer in viewers)
        {
            viewer(value);
        }

        return value;
    }
}
