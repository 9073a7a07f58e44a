// Host names that reach only this machine, as a URL's hostname writes them.

/** localhost, 127.0.0.1 and [::1]. */
export const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

export const isLoopbackHost = (hostname: string): boolean => LOOPBACK_HOSTS.includes(hostname);
