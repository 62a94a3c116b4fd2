using System.Globalization;

namespace DaprSync.NetSuiteEmulator.Records.Payments;

/// <summary>
/// The emulator's customer payments by internal id and by external id (matched without regard to case, as
/// NetSuite does). Thread-safe; writes go through <see cref="Write{T}"/>.
/// </summary>
public sealed class PaymentBook
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, CustomerPayment> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _idsByExternalId = new(StringComparer.OrdinalIgnoreCase);
    private long _nextId = 90000;

    /// <summary>A snapshot of every payment, ordered by internal id.</summary>
    public IReadOnlyList<CustomerPayment> Payments
    {
        get
        {
            lock (_gate)
            {
                return [.. _byId.Values.OrderBy(p => long.Parse(p.Id, CultureInfo.InvariantCulture))];
            }
        }
    }

    public CustomerPayment? Find(string id)
    {
        lock (_gate)
        {
            return _byId.GetValueOrDefault(id);
        }
    }

    public CustomerPayment? FindByExternalId(string externalId)
    {
        lock (_gate)
        {
            return _idsByExternalId.TryGetValue(externalId, out var id) ? _byId[id] : null;
        }
    }

    /// <summary>Runs <paramref name="change"/> with exclusive access. The lock is reentrant, so
    /// <see cref="Store"/> may be called inside.</summary>
    public T Write<T>(Func<T> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            return change();
        }
    }

    /// <summary>Stores a payment; an empty <see cref="CustomerPayment.Id"/> gets the next internal id.</summary>
    public CustomerPayment Store(CustomerPayment payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        lock (_gate)
        {
            var stored = payment.Id.Length > 0
                ? payment
                : payment with { Id = (++_nextId).ToString(CultureInfo.InvariantCulture) };
            _byId[stored.Id] = stored;
            if (stored.ExternalId is not null)
            {
                _idsByExternalId[stored.ExternalId] = stored.Id;
            }

            return stored;
        }
    }
}
