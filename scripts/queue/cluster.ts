/**
 * n8n in queue mode, the way self-hosted teams scale it: PostgreSQL + Redis, one main process
 * (editor, API, trigger activation), workers that run executions, webhook processors that receive
 * production webhooks. Every process shares the user folder (community package), the encryption
 * key, the database and the public webhook URL; each has its own ports.
 *
 * Environment per n8n's queue-mode documentation (docs.n8n.io/hosting/scaling/queue-mode/).
 */
import * as path from 'node:path';
import { N8nInstance } from '../n8n/instance';
import { freePorts } from '../n8n/ports';
import type { ServerProcess } from '../n8n/server';
import { ensureQueueServices, startPostgres, startRedis, type Postgres, type Redis } from './services';

type Log = (msg: string) => void;

export interface QueueClusterOptions {
	/** Directory of the built package (its `dist/` must exist). */
	packageRoot: string;
	/** Webhook processors (`n8n webhook`); 2 by default. */
	webhookProcessors?: number;
	/** Executions one worker runs at once (`n8n worker --concurrency`); n8n's default is 10. */
	workerConcurrency?: number;
	log?: Log;
}

export interface Processor {
	port: number;
	baseUrl: string;
	process?: ServerProcess;
}

const START_TIMEOUT_MS = 90_000;

export class QueueCluster {
	readonly worker: Processor;
	readonly webhooks: Processor[];

	private constructor(
		readonly main: N8nInstance,
		readonly postgres: Postgres,
		readonly redis: Redis,
		ports: number[],
		private readonly options: QueueClusterOptions,
		private readonly log: Log,
	) {
		const processor = (port: number): Processor => ({ port, baseUrl: `http://127.0.0.1:${port}` });
		this.worker = processor(ports[0]);
		this.webhooks = ports.slice(1).map(processor);
	}

	/** Starts PostgreSQL and Redis (installing them first if missing) and prepares the main. */
	static async create(options: QueueClusterOptions): Promise<QueueCluster> {
		const log = options.log ?? (() => {});
		const bins = await ensureQueueServices(log);
		const [postgres, redis] = await Promise.all([startPostgres(bins, log), startRedis(bins, log)]);
		try {
			const ports = await freePorts(1 + (options.webhookProcessors ?? 2));
			// The public webhook URL is the first webhook processor: it is where iMocha sends
			// callbacks and where Invite and Wait's resume URLs point (a load balancer in production).
			const publicUrl = `http://127.0.0.1:${ports[1]}/`;
			const main = await N8nInstance.create({
				packageRoot: path.resolve(options.packageRoot),
				log,
				extraEnv: queueEnv(postgres, redis, publicUrl),
			});
			return new QueueCluster(main, postgres, redis, ports, options, log);
		} catch (error) {
			await Promise.all([postgres.stop(), redis.stop()]);
			throw error;
		}
	}

	/**
	 * Starts the main (it runs the migrations and registers active webhooks), then the worker and
	 * the webhook processors together.
	 */
	async start(): Promise<void> {
		await this.main.start();
		await this.startProcessors();
	}

	/** Starts the worker and webhook processors that are not running (after a crash, too). */
	async startProcessors(): Promise<void> {
		const started = Date.now();
		const deadline = started + START_TIMEOUT_MS;
		const waits: Array<Promise<void>> = [];
		const [brokerWorker, ...brokerWebhooks] = await freePorts(1 + this.webhooks.length);
		if (!this.worker.process?.running) {
			const concurrency = String(this.options.workerConcurrency ?? 10);
			this.worker.process = this.main.spawn(['worker', `--concurrency=${concurrency}`], {
				QUEUE_HEALTH_CHECK_ACTIVE: 'true',
				QUEUE_HEALTH_CHECK_PORT: String(this.worker.port),
				// Its default is '::' (every interface).
				N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
				N8N_PORT: String(this.worker.port),
				N8N_RUNNERS_BROKER_PORT: String(brokerWorker),
				// The worker logs "Worker started execution <id>" at info: proof of where runs ran.
				N8N_LOG_LEVEL: 'info',
			});
			waits.push(this.worker.process.waitReady([`${this.worker.baseUrl}/healthz`], deadline));
		}
		this.webhooks.forEach((webhook, index) => {
			if (webhook.process?.running) return;
			webhook.process = this.main.spawn(
				['webhook'],
				{ N8N_PORT: String(webhook.port), N8N_RUNNERS_BROKER_PORT: String(brokerWebhooks[index]) },
				`n8n webhook #${index + 1}`,
			);
			waits.push(webhook.process.waitReady([`${webhook.baseUrl}/healthz`, `${webhook.baseUrl}/healthz/readiness`], deadline));
		});
		await Promise.all(waits);
		this.log(`queue mode: worker and ${this.webhooks.length} webhook processors ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
	}

	/** Every n8n process at once, as a power cut would (no shutdown handlers run). */
	crash(): void {
		for (const server of [this.main.mainProcess, this.worker.process, ...this.webhooks.map((w) => w.process)]) {
			server?.kill('SIGKILL');
		}
	}

	/** After crash(): the main first (it re-registers webhooks), then the processors. */
	async restart(): Promise<void> {
		await this.main.restart();
		await this.startProcessors();
	}

	/** Stops every n8n process, then PostgreSQL and Redis, and deletes their data. Safe twice. */
	async stop(): Promise<void> {
		await Promise.all([this.worker.process?.stop(), ...this.webhooks.map((w) => w.process?.stop())]);
		await this.main.stop();
		await Promise.all([this.postgres.stop(), this.redis.stop()]);
	}
}

function queueEnv(postgres: Postgres, redis: Redis, publicUrl: string): Record<string, string> {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: '',
		N8N_WEBHOOK_URL: publicUrl,
		// Production webhooks only on the webhook processors, as the documentation recommends.
		N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
		// Otherwise the main tries to reach n8n's servers at start.
		N8N_DISABLED_MODULES: 'mcp-registry',
	};
}
