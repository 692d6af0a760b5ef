import { clientAddressKey } from './client-address';

describe('the client address limits count by', () => {
  it('is an IPv4 address itself, also when Node reports it IPv4-mapped', () => {
    expect(clientAddressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(clientAddressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('is the /64 network of an IPv6 address, however it is written', () => {
    const network = '2001:db8:0:1::/64';
    expect(clientAddressKey('2001:db8:0:1::1')).toBe(network);
    expect(clientAddressKey('2001:0db8:0000:0001:ffff:1:2:3')).toBe(network);
    expect(clientAddressKey('2001:DB8:0:1:a::')).toBe(network);
    expect(clientAddressKey('2001:db8:0:2::1')).not.toBe(network);
    expect(clientAddressKey('::1')).toBe('0:0:0:0::/64');
    expect(clientAddressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });

  it('puts everything that is not an address in one bucket', () => {
    expect(clientAddressKey('')).toBe('unknown');
    expect(clientAddressKey('not-an-ip')).toBe('unknown');
  });
});
