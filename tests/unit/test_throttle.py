"""Wrong join codes and consultant keys: slowed down per connection, never per address."""

from assessment.throttle import MAX_WAIT, Backoff, same_secret, wait_after


def test_the_first_mistake_is_free_then_waits_double_up_to_a_minute():
    assert [wait_after(n) for n in range(1, 10)] == [0, 1, 2, 4, 8, 16, 32, 60, 60]
    assert wait_after(500) == MAX_WAIT


def test_200_phones_behind_one_venue_address_each_mistyping_once_never_wait():
    """The state is one per browser session: the venue's one public address is never a key."""
    now = 1000.0
    phones = [Backoff() for _ in range(200)]
    for phone in phones:
        phone.failed(now)  # each types its code wrong once…
    assert all(phone.wait(now) == 0 for phone in phones)  # …and retypes it at once
    for phone in phones:
        phone.succeeded()
    assert all(phone.failures == 0 for phone in phones)


def test_one_connection_guessing_waits_longer_and_longer():
    guesser, now, waits = Backoff(), 0.0, []
    for _ in range(9):
        now += guesser.wait(now)  # it waits as told, then guesses wrong again
        guesser.failed(now)
        waits.append(guesser.wait(now))
    assert waits == [0, 1, 2, 4, 8, 16, 32, 60, 60]
    assert guesser.wait(now + 59.5) == 1 and guesser.wait(now + 60) == 0


def test_keys_compare_on_bytes_with_any_characters():
    assert same_secret("clé-été ✓ 鍵", "clé-été ✓ 鍵")
    assert not same_secret("cle-ete", "clé-été")
    assert not same_secret("", "x") and not same_secret("short", "a much longer key")
