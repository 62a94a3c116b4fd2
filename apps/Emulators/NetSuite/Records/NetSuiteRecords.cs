using System.Globalization;
using DaprSync.NetSuiteEmulator.Records.Customers;

namespace DaprSync.NetSuiteEmulator.Records;

/// <summary>
/// The emulator's record store, one per emulator instance. Reads return snapshots and are safe from any thread;
/// writes go through <see cref="Write{T}"/>, which runs one change at a time so that a check such as
/// "external id not taken yet" and the insert that relies on it cannot interleave with another request.
/// </summary>
public sealed class NetSuiteRecords
{
    private readonly Lock _writeLock = new();
    private readonly Dictionary<string, NetSuiteCustomer> _customers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _customerIdsByExternalId = new(StringComparer.OrdinalIgnoreCase);
    private long _nextCustomerId = 1000;
    private int _nextAddressId = 5000;

    public NetSuiteRecords(ReferenceData referenceData)
    {
        ArgumentNullException.ThrowIfNull(referenceData);
        ReferenceData = referenceData;
    }

    public ReferenceData ReferenceData { get; }

    /// <summary>A snapshot of every stored customer, ordered by internal id.</summary>
    public IReadOnlyList<NetSuiteCustomer> Customers
    {
        get
        {
            lock (_writeLock)
            {
                return [.. _customers.Values.OrderBy(c => long.Parse(c.Id, CultureInfo.InvariantCulture))];
            }
        }
    }

    public NetSuiteCustomer? FindCustomer(string internalId)
    {
        lock (_writeLock)
        {
            return _customers.GetValueOrDefault(internalId);
        }
    }

    /// <summary>Finds a customer by external id, which NetSuite matches without regard to case.</summary>
    public NetSuiteCustomer? FindCustomerByExternalId(string externalId)
    {
        lock (_writeLock)
        {
            return _customerIdsByExternalId.TryGetValue(externalId, out var id) ? _customers[id] : null;
        }
    }

    /// <summary>Runs <paramref name="change"/> with exclusive access to the customer table.</summary>
    public T Write<T>(Func<CustomerTable, T> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_writeLock)
        {
            return change(new CustomerTable(this));
        }
    }

    /// <summary>The customer table as seen inside <see cref="Write{T}"/>, valid only during that call.</summary>
    public sealed class CustomerTable
    {
        private readonly NetSuiteRecords _records;

        internal CustomerTable(NetSuiteRecords records) => _records = records;

        public NetSuiteCustomer? Find(string internalId) => _records._customers.GetValueOrDefault(internalId);

        public NetSuiteCustomer? FindByExternalId(string externalId) =>
            _records._customerIdsByExternalId.TryGetValue(externalId, out var id) ? _records._customers[id] : null;

        /// <summary>Stores a new customer, assigning its internal id and the ids of its address lines.</summary>
        public NetSuiteCustomer Insert(NetSuiteCustomer customer)
        {
            var id = (++_records._nextCustomerId).ToString(CultureInfo.InvariantCulture);
            return Store(customer with { Id = id });
        }

        /// <summary>Replaces a stored customer, keyed by its <see cref="NetSuiteCustomer.Id"/>.</summary>
        public NetSuiteCustomer Update(NetSuiteCustomer customer)
        {
            var previous = _records._customers[customer.Id];
            if (previous.ExternalId is not null)
            {
                _records._customerIdsByExternalId.Remove(previous.ExternalId);
            }

            return Store(customer);
        }

        private NetSuiteCustomer Store(NetSuiteCustomer customer)
        {
            var addresses = customer.Addresses
                .Select(line => line.Id == 0 ? line with { Id = ++_records._nextAddressId } : line)
                .ToList();
            var stored = customer with { Addresses = addresses };

            _records._customers[stored.Id] = stored;
            if (stored.ExternalId is not null)
            {
                _records._customerIdsByExternalId[stored.ExternalId] = stored.Id;
            }

            return stored;
        }
    }
}
