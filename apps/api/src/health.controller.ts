import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';

@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** 200 once the database answers, 503 otherwise: what a load balancer or orchestrator asks. */
  @Get()
  @HttpCode(200)
  async health(@Res({ passthrough: true }) res: Response): Promise<{ status: string }> {
    try {
      await this.dataSource.query('SELECT 1');
      return { status: 'ok' };
    } catch {
      res.status(503);
      return { status: 'database unavailable' };
    }
  }
}
