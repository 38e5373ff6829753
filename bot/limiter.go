package bot

import (
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// userLimiter is a token bucket per user.
type userLimiter struct {
	every rate.Limit
	burst int

	mu    sync.Mutex
	users map[string]*rate.Limiter
}

func newUserLimiter(perMinute, burst int) *userLimiter {
	return &userLimiter{
		every: rate.Limit(float64(perMinute) / 60),
		burst: burst,
		users: map[string]*rate.Limiter{},
	}
}

// allow takes a token from user's bucket; when there is none it returns
// how long until there will be one.
func (l *userLimiter) allow(user string, now time.Time) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	lim := l.users[user]
	if lim == nil {
		if len(l.users) >= 10_000 {
			l.prune(now)
		}
		lim = rate.NewLimiter(l.every, l.burst)
		l.users[user] = lim
	}
	if lim.AllowN(now, 1) {
		return true, 0
	}
	r := lim.ReserveN(now, 1)
	wait := r.DelayFrom(now)
	r.CancelAt(now)
	return false, wait
}

// prune forgets users whose buckets are full again.
func (l *userLimiter) prune(now time.Time) {
	for u, lim := range l.users {
		if lim.TokensAt(now) >= float64(l.burst) {
			delete(l.users, u)
		}
	}
}
