package eu.tmall.gateway.graphql;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.netty.util.Timeout;
import io.netty.util.Timer;
import io.netty.util.TimerTask;

/**
 * A Netty {@link Timer} whose time moves only when the test moves it, running what falls
 * due on the test's thread.
 */
final class ManualTimer implements Timer {

	private final List<Task> tasks = new ArrayList<>();

	private long now;

	private boolean stopped;

	@Override
	public synchronized Timeout newTimeout(TimerTask task, long delay, TimeUnit unit) {
		Task timeout = new Task(task, this.now + unit.toNanos(delay));
		this.tasks.add(timeout);
		return timeout;
	}

	void advance(Duration time) {
		List<Task> due;
		synchronized (this) {
			this.now += time.toNanos();
			due = this.tasks.stream().filter((task) -> task.deadline <= this.now).toList();
			this.tasks.removeAll(due);
		}
		for (Task task : due) {
			task.expire();
		}
	}

	/** The timers set and neither expired nor cancelled. */
	synchronized long pending() {
		return this.tasks.stream().filter((task) -> !task.isCancelled()).count();
	}

	synchronized boolean stopped() {
		return this.stopped;
	}

	@Override
	public synchronized Set<Timeout> stop() {
		this.stopped = true;
		Set<Timeout> unexpired = Set.copyOf(this.tasks);
		this.tasks.clear();
		return unexpired;
	}

	private final class Task implements Timeout {

		private final TimerTask task;

		private final long deadline;

		private volatile boolean cancelled;

		private volatile boolean expired;

		Task(TimerTask task, long deadline) {
			this.task = task;
			this.deadline = deadline;
		}

		void expire() {
			if (this.cancelled) {
				return;
			}
			this.expired = true;
			try {
				this.task.run(this);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}

		@Override
		public Timer timer() {
			return ManualTimer.this;
		}

		@Override
		public TimerTask task() {
			return this.task;
		}

		@Override
		public boolean isExpired() {
			return this.expired;
		}

		@Override
		public boolean isCancelled() {
			return this.cancelled;
		}

		@Override
		public boolean cancel() {
			if (this.expired || this.cancelled) {
				return false;
			}
			this.cancelled = true;
			return true;
		}

	}

}
